"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";

import { anchorClaims } from "@/components/claims/anchored-claims";
import { ClaimComposer } from "@/components/claims/claim-composer";
import { cn } from "@/components/ui/cn";
import { useClaimMutations, useClaims } from "@/components/claims/use-claims";
import { useDocumentTags } from "@/components/claims/use-document-tags";
import { ArticleReader, type ArticleReaderControls } from "@/components/documents/article-reader";
import { contentLangAttribute, DocumentHeader } from "@/components/documents/document-header";
import { DocumentSidebar } from "@/components/documents/document-sidebar";
import { HighlightDescriptions } from "@/components/documents/highlight-descriptions";
import { usePanelFocus } from "@/components/documents/use-panel-focus";
import type { DocumentReadMark } from "@/components/versions/document-versions-bar";
import { useTextSelection } from "@/components/documents/use-text-selection";
import { useAnnouncement, useUrlState } from "@/components/documents/use-workspace-state";
import { buildHighlightSegments } from "@/components/editor/highlight-segments";
import { NewHighlightsButton } from "@/components/live/new-highlights-button";
import { useLiveActivity } from "@/components/live/use-live-activity";
import { useLiveAnnouncer } from "@/components/live/use-live-announcer";
import { useLiveDocument } from "@/components/live/use-live-document";
import { useNewVersionReload } from "@/components/live/use-new-version-reload";
import { RatingScaleProvider, useDescribeRating, useRatingScale } from "@/components/verdicts/use-rating-scale";
import { describeTextRange } from "@/lib/anchoring";
import type { ClaimView } from "@/lib/claims/schema";
import type { DocumentContent } from "@/lib/documents/content-schema";
import type { TagView } from "@/lib/tags/schema";
import type { RatingScaleView } from "@/lib/verdicts/scale";

/** Colour of a claim without tags. */
const untaggedColor = "#a16207";
/** Colour of a hidden claim, drawn only for moderators and owners (members are not sent its position). */
const hiddenColor = "#78716c";

export type WorkspaceArticle = {
  id: string;
  teamId: string;
  title: string;
  publishedOn: string | null;
  byline: string | null;
  sourceUrl: string | null;
  teamName: string;
  content: DocumentContent;
  /** The content's language (BCP 47; "und" when unknown): the title's and the article's `lang`. */
  lang: string;
  text: string;
  /** The version shown (the latest): a new one saved meanwhile arrives live (`document.versioned`). */
  version: number;
  canCreateClaims: boolean;
  /** Owners and moderators may correct the content's language. */
  canEditDocument: boolean;
  /** The team's rating scale: a published verdict's label and colour. */
  ratingScale: RatingScaleView;
  /** The public page (its path), or null; owners and moderators may publish and unpublish it. */
  publication: { slug: string; url: string } | null;
  canPublish: boolean;
};

type DocumentWorkspaceProps = {
  article: WorkspaceArticle;
  initialClaims: ClaimView[];
  initialTags: TagView[];
  /** The team's live `seq` read before the claims and tags (lib/realtime/service.ts: getDocumentLiveSeq). */
  liveSeq: number;
  currentUser: { id: string; name: string };
  /** The version the reader last opened and the latest, for "changed since you last read it" (lib/versions/reads.ts). */
  readMark?: DocumentReadMark;
};

/**
 * The document view: the article with its highlights, the claim composer, and the claims/thread panel, kept
 * live: changes by others appear in place, with who is viewing and what is new since the reader last looked.
 */
export function DocumentWorkspace({ article, initialClaims, initialTags, liveSeq, currentUser, readMark }: DocumentWorkspaceProps) {
  const t = useTranslations("workspace");
  const tClaims = useTranslations("claims");
  const format = useFormatter();
  const contentLang = contentLangAttribute(article.lang);
  const { activeClaimId, tagFilter, showResolved, set } = useUrlState();
  const claims = useClaims(article.id, initialClaims).data;
  const { createClaim } = useClaimMutations(article.id);
  const tags = useDocumentTags(article.teamId, initialTags).data;
  const ratingScale = useRatingScale(article.teamId, article.ratingScale).data ?? article.ratingScale;
  const describeRating = useDescribeRating(ratingScale);
  const articleRef = useRef<HTMLDivElement>(null);
  const readerControls = useRef<ArticleReaderControls | null>(null);
  const { selection, setSelection, isSelectionOutside, selectedText } = useTextSelection(articleRef, article.text, contentLang);
  const [isPrivate, setIsPrivate] = useState(false);
  const [newClaimTags, setNewClaimTags] = useState<ReadonlySet<string>>(new Set());
  const [composerError, setComposerError] = useState<string | null>(null);
  const { announcement, announce } = useAnnouncement();

  const { activity, onLiveEvents, onThreadOpened, onHighlightsSeen } = useLiveActivity({ currentUserId: currentUser.id, activeClaimId });
  const { onLiveEvents: announceLiveEvents, rememberViewers } = useLiveAnnouncer({ documentId: article.id, currentUserId: currentUser.id, announce });
  const reloadOnNewVersion = useNewVersionReload({ documentId: article.id, version: article.version, announce });
  const onEvents = useCallback(
    (events: Parameters<typeof onLiveEvents>[0]) => {
      onLiveEvents(events);
      announceLiveEvents(events);
      reloadOnNewVersion(events);
    },
    [onLiveEvents, announceLiveEvents, reloadOnNewVersion],
  );
  const live = useLiveDocument({ documentId: article.id, teamId: article.teamId, currentUserId: currentUser.id, initialSeq: liveSeq, onEvents });
  useEffect(() => rememberViewers(live.viewers), [rememberViewers, live.viewers]);

  const { anchored, orphaned, withheld } = useMemo(() => anchorClaims(claims, article.text), [claims, article.text]);
  const orphanedIds = useMemo(() => new Set(orphaned.map((claim) => claim.id)), [orphaned]);
  const matchesFilter = useCallback(
    (claim: ClaimView) =>
      claim.id === activeClaimId ||
      ((!tagFilter || claim.tags.some((tag) => tag.name === tagFilter)) && (showResolved || claim.threadResolvedAt === null)),
    [tagFilter, showResolved, activeClaimId],
  );
  const visibleAnchored = useMemo(() => anchored.filter(({ claim }) => matchesFilter(claim)), [anchored, matchesFilter]);
  const segments = useMemo(
    () =>
      buildHighlightSegments(
        visibleAnchored.map(({ claim, start, end, isChanged }) => {
          // A published verdict is drawn in its rating's colour, with its icon and words after the claim.
          const verdict = claim.verdict ? describeRating(claim.verdict.rating) : undefined;
          return {
            claimId: claim.id,
            start,
            end,
            color: claim.hidden ? hiddenColor : (verdict?.color ?? claim.tags[0]?.color ?? untaggedColor),
            verdict,
            isChanged,
          };
        }),
      ),
    [visibleAnchored, describeRating],
  );

  const openClaim = useCallback(
    (claimId: string | null) => {
      if (claimId) onThreadOpened(claimId);
      set("claim", claimId);
    },
    [set, onThreadOpened],
  );
  const unseenHighlightIds = useMemo(() => {
    const unseen = new Set(activity.unseenClaimIds);
    return visibleAnchored.filter(({ claim }) => unseen.has(claim.id)).map(({ claim }) => claim.id);
  }, [activity.unseenClaimIds, visibleAnchored]);
  const scrollToClaim = useCallback((claimId: string) => readerControls.current?.scrollToClaim(claimId), []);
  const focusHighlight = useCallback((claimId: string) => readerControls.current?.focusHighlight(claimId) ?? false, []);
  const focusArticle = useCallback(() => readerControls.current?.focus(), []);
  const { open: openPanel } = usePanelFocus({ activeClaimId, openClaim, focusHighlight, focusArticle });

  // What "Re-attach" in "Needs attention" points a claim at: the selection, described as a new claim's is.
  const reattachSelection = useMemo(
    () => (selection && selectedText ? { text: selectedText, describe: () => describeTextRange(article.text, selection) } : null),
    [selection, selectedText, article.text],
  );

  const createFromSelection = useCallback(() => {
    setComposerError(null);
    if (!article.canCreateClaims) return;
    if (!selection || !selectedText) {
      setComposerError(isSelectionOutside ? tClaims("selectInside") : tClaims("selectFirst"));
      return;
    }
    const { quote, position } = describeTextRange(article.text, selection);
    // The claim and its tags in one request: no second request to tag it.
    const tagNames = tags.filter((tag) => newClaimTags.has(tag.name)).map((tag) => tag.name);
    createClaim.mutate(
      { target: { selector: [quote, position] }, tags: tagNames, visibility: isPrivate ? "private" : "team" },
      {
        onSuccess: (claim) => {
          readerControls.current?.clearSelection();
          setSelection(null);
          setNewClaimTags(new Set());
          openPanel({ claimId: claim.id, from: "created" });
          announce(
            tagNames.length > 0
              ? t("announceCreatedWithTags", { tags: format.list(tagNames, { type: "conjunction" }) })
              : t("announceCreated"),
          );
        },
        onError: (error) => setComposerError(error.message),
      },
    );
  }, [article, selection, selectedText, isSelectionOutside, isPrivate, tags, newClaimTags, createClaim, openPanel, setSelection, announce, t, tClaims, format]);

  // The scale reaches what shows a verdict without being handed the team (the claim list, the descriptions).
  const workspace = (
    <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0">
        <DocumentHeader
          documentId={article.id}
          title={article.title}
          teamName={article.teamName}
          publishedOn={article.publishedOn}
          byline={article.byline}
          sourceUrl={article.sourceUrl}
          lang={article.lang}
          canEditDocument={article.canEditDocument}
          publication={article.publication}
          canPublish={article.canPublish}
          announce={announce}
          readMark={readMark}
        />
        {/* On a phone or tablet the system's selection menu sits at the selection, often above it: while a passage
            is selected, the composer moves to the bottom of the screen, where the thumb is. */}
        <div
          className={cn(
            "sticky top-2 z-10 mb-4 max-w-2xl",
            selectedText !== null && "max-lg:fixed max-lg:inset-x-2 max-lg:top-auto max-lg:bottom-2 max-lg:z-30 max-lg:mb-0 pointer-coarse:fixed pointer-coarse:inset-x-2 pointer-coarse:top-auto pointer-coarse:bottom-2 pointer-coarse:z-30",
          )}
        >
          <ClaimComposer
            canCreate={article.canCreateClaims}
            selectedText={selectedText}
            isSelectionOutside={isSelectionOutside}
            isPrivate={isPrivate}
            onPrivateChange={setIsPrivate}
            tags={tags}
            selectedTags={newClaimTags}
            onToggleTag={(tagName, isOn) =>
              setNewClaimTags((current) => {
                const next = new Set(current);
                if (isOn) next.add(tagName);
                else next.delete(tagName);
                return next;
              })
            }
            isCreating={createClaim.isPending}
            error={composerError}
            onCreate={createFromSelection}
            contentLang={contentLang}
          />
        </div>
        <div role="article" aria-labelledby="document-title" lang={contentLang} ref={articleRef} className="max-w-2xl">
          {/* A new version is a new document for tiptap: the reader starts again on it (the open claim is in the URL). */}
          <ArticleReader
            key={article.version}
            content={article.content}
            textLength={article.text.length}
            segments={segments}
            activeClaimId={activeClaimId}
            onSelectionChange={setSelection}
            onOpenClaim={(claimId, via) => openPanel({ claimId, from: via === "keyboard" ? "text-keyboard" : "text-pointer" })}
            onHighlightShortcut={createFromSelection}
            registerControls={(controls) => {
              readerControls.current = controls;
            }}
          />
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
        <HighlightDescriptions claims={visibleAnchored.map(({ claim }) => claim)} />
        <NewHighlightsButton claimIds={unseenHighlightIds} containerRef={articleRef} onSeen={onHighlightsSeen} onScrollToClaim={scrollToClaim} />
      </div>
      <DocumentSidebar
        documentId={article.id}
        teamId={article.teamId}
        live={live}
        currentUser={currentUser}
        claims={claims}
        anchored={visibleAnchored}
        orphaned={orphaned.filter(matchesFilter)}
        withheld={withheld.filter(matchesFilter)}
        orphanedIds={orphanedIds}
        tags={tags}
        tagFilter={tagFilter}
        showResolved={showResolved}
        onShowResolvedChange={(show) => set("resolved", show ? null : "hide")}
        newCommentCounts={activity.newCommentCounts}
        activeClaimId={activeClaimId}
        onOpenClaim={(claimId) => (claimId ? openPanel({ claimId, from: "list" }) : openClaim(null))}
        onTagFilterChange={(tag) => set("tag", tag)}
        onScrollToClaim={scrollToClaim}
        announce={announce}
        contentLang={contentLang}
        reattachSelection={reattachSelection}
      />
    </div>
  );
  return <RatingScaleProvider scale={ratingScale}>{workspace}</RatingScaleProvider>;
}

"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { useSearchParams } from "next/navigation";

import { anchorClaims } from "@/components/claims/anchored-claims";
import { ClaimComposer } from "@/components/claims/claim-composer";
import { ClaimList } from "@/components/claims/claim-list";
import { ClaimPanel } from "@/components/claims/claim-panel";
import { claimsQueryKey, useClaimMutations, useClaims } from "@/components/claims/use-claims";
import { useDocumentTags } from "@/components/claims/use-document-tags";
import { ArticleReader, type ArticleReaderControls, type TextSelection } from "@/components/documents/article-reader";
import { buildHighlightSegments } from "@/components/editor/highlight-segments";
import {
  describeLiveActivity,
  emptyLiveActivity,
  markClaimsSeen,
  markThreadOpened,
  recordLiveActivity,
  type LiveActivity,
} from "@/components/live/live-activity";
import { LiveStatusIndicator } from "@/components/live/live-status";
import { NewHighlightsButton } from "@/components/live/new-highlights-button";
import { PresenceList } from "@/components/live/presence-list";
import { useLiveDocument } from "@/components/live/use-live-document";
import { Button } from "@/components/ui/button";
import { describeTextRange } from "@/lib/anchoring";
import type { ClaimView } from "@/lib/claims/schema";
import type { DocumentContent } from "@/lib/documents/content-schema";
import type { LiveEventView } from "@/lib/realtime/schema";
import type { TagView } from "@/lib/tags/schema";

/** Colour of a claim without tags. */
const untaggedColor = "#a16207";
/** Colour of a hidden claim, drawn only for moderators and owners (members are not sent its position). */
const hiddenColor = "#78716c";

export type WorkspaceArticle = {
  id: string;
  teamId: string;
  title: string;
  publishedOn: string | null;
  teamName: string;
  content: DocumentContent;
  text: string;
  canCreateClaims: boolean;
};

/** Reads and writes `?claim=` and `?tag=` without a server round trip (Next syncs useSearchParams). */
function useUrlState() {
  const searchParams = useSearchParams();
  const set = useCallback((key: "claim" | "tag", value: string | null) => {
    const params = new URLSearchParams(window.location.search);
    if (value) params.set(key, value);
    else params.delete(key);
    const query = params.toString();
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }, []);
  return { activeClaimId: searchParams.get("claim"), tagFilter: searchParams.get("tag"), set };
}

type DocumentWorkspaceProps = {
  article: WorkspaceArticle;
  initialClaims: ClaimView[];
  initialTags: TagView[];
  /** The team's live `seq` read before the claims and tags (lib/realtime/service.ts: getDocumentLiveSeq). */
  liveSeq: number;
  currentUser: { id: string; name: string };
};

/**
 * The document view: the article with its highlights, the claim composer, and the claims/thread panel, kept
 * live: changes by others appear in place, with who is viewing and what is new since the reader last looked.
 */
export function DocumentWorkspace({ article, initialClaims, initialTags, liveSeq, currentUser }: DocumentWorkspaceProps) {
  const { activeClaimId, tagFilter, set } = useUrlState();
  const queryClient = useQueryClient();
  const claimsQuery = useClaims(article.id, initialClaims);
  const { createClaim, updateClaimTags, deleteClaim, hideClaim, unhideClaim } = useClaimMutations(article.id);
  const claims = claimsQuery.data;
  const tags = useDocumentTags(article.teamId, initialTags).data;

  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [isSelectionOutside, setIsSelectionOutside] = useState(false);
  const [isPrivate, setIsPrivate] = useState(false);
  const [composerError, setComposerError] = useState<string | null>(null);
  const [panelError, setPanelError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const articleRef = useRef<HTMLDivElement>(null);
  const readerControls = useRef<ArticleReaderControls | null>(null);

  // What others changed since the reader last looked. The open claim is read through a ref: a change's handler
  // must see the thread that is open when the change arrives, not when the handler was made.
  const [activity, setActivity] = useState<LiveActivity>(emptyLiveActivity);
  const activeClaimIdRef = useRef(activeClaimId);
  useEffect(() => {
    activeClaimIdRef.current = activeClaimId;
  });
  const onLiveEvents = useCallback(
    (events: readonly LiveEventView[]) => {
      setActivity((current) => recordLiveActivity(current, events, { currentUserId: currentUser.id, openClaimId: activeClaimIdRef.current }));
      const claimsNow = queryClient.getQueryData<ClaimView[]>(claimsQueryKey(article.id)) ?? [];
      const message = describeLiveActivity(events, { currentUserId: currentUser.id, claims: claimsNow });
      // The same sentence twice in a row would not be read again: a trailing no-break space makes it new.
      if (message) setAnnouncement((previous) => (previous === message ? `${message}\u00a0` : message));
    },
    [queryClient, article.id, currentUser.id],
  );
  const live = useLiveDocument({ documentId: article.id, teamId: article.teamId, initialSeq: liveSeq, onEvents: onLiveEvents });

  const { anchored, orphaned, withheld } = useMemo(() => anchorClaims(claims, article.text), [claims, article.text]);
  const matchesFilter = useCallback(
    (claim: ClaimView) => !tagFilter || claim.tags.some((tag) => tag.name === tagFilter) || claim.id === activeClaimId,
    [tagFilter, activeClaimId],
  );
  const visibleAnchored = useMemo(() => anchored.filter(({ claim }) => matchesFilter(claim)), [anchored, matchesFilter]);
  const visibleOrphaned = useMemo(() => orphaned.filter(matchesFilter), [orphaned, matchesFilter]);
  const visibleWithheld = useMemo(() => withheld.filter(matchesFilter), [withheld, matchesFilter]);
  const segments = useMemo(
    () =>
      buildHighlightSegments(
        visibleAnchored.map(({ claim, start, end }) => ({
          claimId: claim.id,
          start,
          end,
          color: claim.hidden ? hiddenColor : (claim.tags[0]?.color ?? untaggedColor),
        })),
      ),
    [visibleAnchored],
  );

  // A selection made outside the article (say, in this panel) must not turn a stale article selection into a claim.
  useEffect(() => {
    const onSelectionChange = () => {
      const domSelection = document.getSelection();
      const isOutside =
        !!domSelection && !domSelection.isCollapsed && !!domSelection.anchorNode && !articleRef.current?.contains(domSelection.anchorNode);
      setIsSelectionOutside(isOutside);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, []);

  const selectedText = useMemo(() => {
    if (!selection || isSelectionOutside) return null;
    const text = article.text.slice(selection.start, selection.end);
    return text.trim().length > 0 ? text : null;
  }, [selection, isSelectionOutside, article.text]);

  const openClaim = useCallback(
    (claimId: string | null) => {
      setPanelError(null);
      if (claimId) setActivity((current) => markThreadOpened(current, claimId));
      set("claim", claimId);
    },
    [set],
  );
  const unseenHighlightIds = useMemo(() => {
    const unseen = new Set(activity.unseenClaimIds);
    return visibleAnchored.filter(({ claim }) => unseen.has(claim.id)).map(({ claim }) => claim.id);
  }, [activity.unseenClaimIds, visibleAnchored]);
  const onHighlightsSeen = useCallback((claimIds: string[]) => setActivity((current) => markClaimsSeen(current, claimIds)), []);
  const scrollToClaim = useCallback((claimId: string) => readerControls.current?.scrollToClaim(claimId), []);

  const createFromSelection = useCallback(() => {
    setComposerError(null);
    if (!article.canCreateClaims) return;
    if (!selection || !selectedText) {
      setComposerError(isSelectionOutside ? "Select text inside the article to highlight it." : "Select a passage in the article first.");
      return;
    }
    const { quote, position } = describeTextRange(article.text, selection);
    createClaim.mutate(
      { target: { selector: [quote, position] }, tags: [], visibility: isPrivate ? "private" : "team" },
      {
        onSuccess: (claim) => {
          readerControls.current?.clearSelection();
          setSelection(null);
          openClaim(claim.id);
          setAnnouncement("Claim highlighted. Choose its tags and start the discussion in the side panel.");
        },
        onError: (error) => setComposerError(error.message),
      },
    );
  }, [article, selection, selectedText, isSelectionOutside, isPrivate, createClaim, openClaim]);

  const activeClaim = activeClaimId ? claims.find((claim) => claim.id === activeClaimId) : undefined;

  return (
    <div className="mx-auto grid max-w-7xl gap-8 px-4 py-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0">
        <header className="mb-6 max-w-2xl">
          <p className="text-sm text-stone-500">
            {article.teamName}
            {article.publishedOn ? (
              <>
                {" · "}
                <time dateTime={article.publishedOn}>Published {article.publishedOn}</time>
              </>
            ) : null}
          </p>
          <h1 id="document-title" className="mt-1 text-3xl font-semibold tracking-tight text-balance">
            {article.title}
          </h1>
        </header>
        <div className="sticky top-2 z-10 mb-4 max-w-2xl">
          <ClaimComposer
            canCreate={article.canCreateClaims}
            selectedText={selectedText}
            isSelectionOutside={isSelectionOutside}
            isPrivate={isPrivate}
            onPrivateChange={setIsPrivate}
            isCreating={createClaim.isPending}
            error={composerError}
            onCreate={createFromSelection}
          />
        </div>
        <div role="article" aria-labelledby="document-title" ref={articleRef} className="max-w-2xl">
          <ArticleReader
            content={article.content}
            textLength={article.text.length}
            segments={segments}
            activeClaimId={activeClaimId}
            onSelectionChange={setSelection}
            onOpenClaim={openClaim}
            onHighlightShortcut={createFromSelection}
            registerControls={(controls) => {
              readerControls.current = controls;
            }}
          />
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {announcement}
        </p>
        <NewHighlightsButton claimIds={unseenHighlightIds} containerRef={articleRef} onSeen={onHighlightsSeen} onScrollToClaim={scrollToClaim} />
      </div>
      <aside aria-label="Claims and discussion" className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
        {/* Beside the article (below it on narrow screens), never above it: a change here moves no text being read. */}
        <div className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-1">
          <LiveStatusIndicator status={live.status} revokedReason={live.revokedReason} />
          <PresenceList viewers={live.viewers} currentUser={currentUser} />
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
          {activeClaimId && activeClaim ? (
            <ClaimPanel
              documentId={article.id}
              claim={activeClaim}
              isOrphaned={orphaned.some((claim) => claim.id === activeClaim.id)}
              tags={tags}
              error={panelError}
              onClose={() => openClaim(null)}
              onShowInText={() => readerControls.current?.scrollToClaim(activeClaim.id)}
              onToggleTag={(tagName, isOn) => {
                setPanelError(null);
                const next = isOn
                  ? [...activeClaim.tags, ...tags.filter((tag) => tag.name === tagName)]
                  : activeClaim.tags.filter((tag) => tag.name !== tagName);
                updateClaimTags.mutate(
                  { claimId: activeClaim.id, tags: next },
                  { onError: (error) => setPanelError(`Could not change the tags: ${error.message}`) },
                );
              }}
              onHide={async (reason) => {
                setPanelError(null);
                await hideClaim.mutateAsync({ claimId: activeClaim.id, reason });
                setAnnouncement("Claim hidden. Members now see a placeholder.");
              }}
              onUnhide={async () => {
                setPanelError(null);
                await unhideClaim.mutateAsync(activeClaim.id);
                setAnnouncement("Claim restored.");
              }}
              onDelete={() =>
                deleteClaim.mutate(activeClaim.id, {
                  onSuccess: () => {
                    openClaim(null);
                    setAnnouncement("Claim deleted.");
                  },
                  onError: (error) => setPanelError(`Could not delete the claim: ${error.message}`),
                })
              }
            />
          ) : activeClaimId ? (
            <div className="flex flex-col items-start gap-3">
              <p className="text-sm text-stone-600">This claim does not exist any more, or you cannot see it.</p>
              <Button variant="secondary" size="sm" onClick={() => openClaim(null)}>
                Show all claims
              </Button>
            </div>
          ) : (
            <ClaimList
              anchored={visibleAnchored}
              orphaned={visibleOrphaned}
              withheld={visibleWithheld}
              tags={tags}
              tagFilter={tagFilter}
              totalCount={claims.length}
              newCommentCounts={activity.newCommentCounts}
              onTagFilterChange={(tag) => set("tag", tag)}
              onOpenClaim={(claimId) => {
                openClaim(claimId);
                readerControls.current?.scrollToClaim(claimId);
              }}
            />
          )}
        </div>
      </aside>
    </div>
  );
}

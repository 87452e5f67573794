"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "next/navigation";

import { anchorClaims } from "@/components/claims/anchored-claims";
import { ClaimComposer } from "@/components/claims/claim-composer";
import { ClaimList } from "@/components/claims/claim-list";
import { ClaimPanel } from "@/components/claims/claim-panel";
import { useClaimMutations, useClaims } from "@/components/claims/use-claims";
import { ArticleReader, type ArticleReaderControls, type TextSelection } from "@/components/documents/article-reader";
import { buildHighlightSegments } from "@/components/editor/highlight-segments";
import { Button } from "@/components/ui/button";
import { describeTextRange } from "@/lib/anchoring";
import type { ClaimView } from "@/lib/claims/schema";
import type { DocumentContent } from "@/lib/documents/content-schema";
import type { TagView } from "@/lib/tags/schema";

/** Colour of a claim without tags. */
const untaggedColor = "#a16207";
/** Colour of a hidden claim, drawn only for moderators and owners (members are not sent its position). */
const hiddenColor = "#78716c";

export type WorkspaceArticle = {
  id: string;
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

/** The document view: the article with its highlights, the claim composer, and the claims/thread panel. */
export function DocumentWorkspace({ article, initialClaims, tags }: { article: WorkspaceArticle; initialClaims: ClaimView[]; tags: TagView[] }) {
  const { activeClaimId, tagFilter, set } = useUrlState();
  const claimsQuery = useClaims(article.id, initialClaims);
  const { createClaim, updateClaimTags, deleteClaim, hideClaim, unhideClaim } = useClaimMutations(article.id);
  const claims = claimsQuery.data;

  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [isSelectionOutside, setIsSelectionOutside] = useState(false);
  const [isPrivate, setIsPrivate] = useState(false);
  const [composerError, setComposerError] = useState<string | null>(null);
  const [panelError, setPanelError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const articleRef = useRef<HTMLDivElement>(null);
  const readerControls = useRef<ArticleReaderControls | null>(null);

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
      set("claim", claimId);
    },
    [set],
  );

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
      </div>
      <aside aria-label="Claims and discussion" className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
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

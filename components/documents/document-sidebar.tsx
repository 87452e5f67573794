"use client";

import { useTranslations } from "next-intl";
import { useMemo, useState } from "react";

import type { AnchoredClaimView } from "@/components/claims/anchored-claims";
import { ClaimList } from "@/components/claims/claim-list";
import { ClaimPanel } from "@/components/claims/claim-panel";
import { useClaimMutations } from "@/components/claims/use-claims";
import { LiveStatusIndicator } from "@/components/live/live-status";
import { PresenceList } from "@/components/live/presence-list";
import type { LiveRevocation, LiveStatus, LiveViewer } from "@/components/live/use-live-document";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useFocusAfterLeaving, useNeedsAttentionAnnouncement } from "@/components/versions/needs-attention-hooks";
import { listClaimsNeedingAttention, type ReattachSelection } from "@/components/versions/needs-attention-list";
import { NeedsAttentionPanel } from "@/components/versions/needs-attention-panel";
import type { ClaimView } from "@/lib/claims/schema";
import type { TagView } from "@/lib/tags/schema";

type DocumentSidebarProps = {
  documentId: string;
  teamId: string;
  live: { status: LiveStatus; viewers: readonly LiveViewer[]; revocation: LiveRevocation | null };
  currentUser: { id: string; name: string };
  /** Every claim of the document this reader may see. */
  claims: readonly ClaimView[];
  /** The claims the list shows (after the tag filter): placed in the text, no longer found, withheld. */
  anchored: AnchoredClaimView[];
  orphaned: ClaimView[];
  withheld: ClaimView[];
  /** Ids of claims whose passage is no longer in the text. */
  orphanedIds: ReadonlySet<string>;
  tags: TagView[];
  tagFilter: string | null;
  showResolved: boolean;
  onShowResolvedChange: (show: boolean) => void;
  newCommentCounts: Readonly<Record<string, number>>;
  activeClaimId: string | null;
  onOpenClaim: (claimId: string | null) => void;
  onTagFilterChange: (tag: string | null) => void;
  onScrollToClaim: (claimId: string) => void;
  announce: (message: string) => void;
  /** The `lang` of the document's text, for quotes of it (none when undetermined). */
  contentLang?: string;
  /** The passage selected in the article, for re-attaching a claim in "Needs attention". */
  reattachSelection: ReattachSelection | null;
};

/**
 * Beside the article (below it on narrow screens), never above it, so a change here moves no text being read:
 * the live status and who is viewing, "Needs attention" when claims lost or changed their text, then the open claim
 * with its thread, or the list of claims.
 */
export function DocumentSidebar(props: DocumentSidebarProps) {
  const t = useTranslations("workspace");
  const { documentId, live, currentUser, claims, activeClaimId, onOpenClaim, announce } = props;
  const { updateClaimTags, deleteClaim, hideClaim, unhideClaim } = useClaimMutations(documentId);
  // An error belongs to the claim it happened on: opening another claim (from here or the text) leaves it behind.
  const [error, setError] = useState<{ claimId: string; message: string } | null>(null);
  const activeClaim = activeClaimId ? claims.find((claim) => claim.id === activeClaimId) : undefined;
  const panelError = error && error.claimId === activeClaimId ? error.message : null;
  const setPanelError = (message: string | null) => setError(message && activeClaimId ? { claimId: activeClaimId, message } : null);
  const open = (claimId: string | null) => {
    setError(null);
    onOpenClaim(claimId);
  };
  // Derived from every claim (not the tag filter's selection): what needs attention is not filtered away.
  const attentionClaims = useMemo(() => listClaimsNeedingAttention(claims), [claims]);
  useNeedsAttentionAnnouncement(attentionClaims, announce);
  const onLeavingAttention = useFocusAfterLeaving(attentionClaims, props.onScrollToClaim);

  return (
    <aside aria-label={t("sidebarLabel")} className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-1">
        <LiveStatusIndicator status={live.status} revocation={live.revocation} />
        <PresenceList viewers={live.viewers} currentUser={currentUser} />
      </div>
      {attentionClaims.length > 0 ? (
        <NeedsAttentionPanel
          documentId={documentId}
          claims={attentionClaims}
          selection={props.reattachSelection}
          contentLang={props.contentLang}
          onOpenClaim={(claimId) => {
            open(claimId);
            props.onScrollToClaim(claimId);
          }}
          announce={announce}
          onLeaving={onLeavingAttention}
        />
      ) : null}
      {/* An open claim is a bottom sheet on a narrow screen: the article stays in view above it. */}
      <div
        className={cn(
          "rounded-lg border border-stone-200 bg-white p-4 shadow-sm",
          activeClaim &&
            "max-lg:fixed max-lg:inset-x-0 max-lg:bottom-0 max-lg:z-40 max-lg:max-h-[70dvh] max-lg:overflow-y-auto max-lg:overscroll-contain max-lg:rounded-b-none max-lg:rounded-t-2xl max-lg:border-x-0 max-lg:border-b-0 max-lg:pb-[max(1rem,env(safe-area-inset-bottom))] max-lg:shadow-[0_-8px_24px_rgba(0,0,0,0.15)]",
        )}
        data-sheet={activeClaim ? "open" : undefined}
      >
        {activeClaimId && activeClaim ? (
          <ClaimPanel
            documentId={documentId}
            teamId={props.teamId}
            claim={activeClaim}
            isOrphaned={props.orphanedIds.has(activeClaim.id)}
            tags={props.tags}
            error={panelError}
            contentLang={props.contentLang}
            onClose={() => open(null)}
            onShowInText={() => props.onScrollToClaim(activeClaim.id)}
            onToggleTag={(tagName, isOn) => {
              setPanelError(null);
              const next = isOn
                ? [...activeClaim.tags, ...props.tags.filter((tag) => tag.name === tagName)]
                : activeClaim.tags.filter((tag) => tag.name !== tagName);
              updateClaimTags.mutate(
                { claimId: activeClaim.id, tags: next },
                { onError: (error) => setPanelError(t("tagsFailed", { message: error.message })) },
              );
            }}
            onHide={async (reason) => {
              setPanelError(null);
              await hideClaim.mutateAsync({ claimId: activeClaim.id, reason });
              announce(t("announceHidden"));
            }}
            onUnhide={async () => {
              setPanelError(null);
              await unhideClaim.mutateAsync(activeClaim.id);
              announce(t("announceRestored"));
            }}
            onDelete={() =>
              deleteClaim.mutate(activeClaim.id, {
                onSuccess: () => {
                  open(null);
                  announce(t("announceDeleted"));
                },
                onError: (error) => setPanelError(t("deleteFailed", { message: error.message })),
              })
            }
          />
        ) : activeClaimId ? (
          <div className="flex flex-col items-start gap-3">
            <p className="text-sm text-stone-600">{t("claimMissing")}</p>
            <Button variant="secondary" size="sm" onClick={() => open(null)}>
              {t("showAllClaims")}
            </Button>
          </div>
        ) : (
          <ClaimList
            anchored={props.anchored}
            orphaned={props.orphaned}
            withheld={props.withheld}
            tags={props.tags}
            tagFilter={props.tagFilter}
            showResolved={props.showResolved}
            onShowResolvedChange={props.onShowResolvedChange}
            totalCount={claims.length}
            newCommentCounts={props.newCommentCounts}
            contentLang={props.contentLang}
            onTagFilterChange={props.onTagFilterChange}
            onOpenClaim={(claimId) => {
              open(claimId);
              props.onScrollToClaim(claimId);
            }}
          />
        )}
      </div>
    </aside>
  );
}

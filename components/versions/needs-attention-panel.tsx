"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import { NeedsAttentionEntry } from "@/components/versions/needs-attention-entry";
import { needsAttentionHeadingId as headingId } from "@/components/versions/needs-attention-hooks";
import type { AttentionClaim, ReattachSelection } from "@/components/versions/needs-attention-list";
import { useNeedsAttentionMutations } from "@/components/versions/needs-attention-mutations";
import { ApiError, describeApiError } from "@/lib/api/client";

type NeedsAttentionPanelProps = {
  documentId: string;
  /** The claims to list (components/versions/needs-attention-list.ts: listClaimsNeedingAttention); not empty. */
  claims: readonly AttentionClaim[];
  /** The passage selected in the article, for "Re-attach here". */
  selection: ReattachSelection | null;
  contentLang?: string;
  onOpenClaim: (claimId: string) => void;
  announce: (message: string) => void;
  /** Told which claim is about to leave the panel by its own action (null: it did not), to show it and move focus after it. */
  onLeaving: (claimId: string | null) => void;
};

/**
 * "Needs attention": the document's claims whose text changed or is gone (and nobody dismissed), each with what
 * happened to it. Whoever may re-attach one chooses "Re-attach", selects the new text in the article and chooses
 * "Re-attach here" (Escape cancels), or dismisses it. One claim is re-attached at a time.
 */
export function NeedsAttentionPanel(props: NeedsAttentionPanelProps) {
  const { documentId, claims, selection, contentLang, onOpenClaim, announce, onLeaving } = props;
  const t = useTranslations("needsAttention");
  const translate = useTranslations();
  const { reattachClaim, dismissClaim } = useNeedsAttentionMutations(documentId);
  const [reattachingId, setReattachingId] = useState<string | null>(null);
  const [error, setError] = useState<{ claimId: string; message: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  // After re-attach mode ends without a change, focus goes back to the entry's "Re-attach".
  const returnFocusTo = useRef<string | null>(null);

  const describeError = (cause: Error, claimId: string) => {
    if (cause instanceof ApiError && cause.status === 422) return { claimId, message: t("articleChanged") };
    return { claimId, message: t("failed", { message: cause instanceof ApiError ? describeApiError(cause, translate) : cause.message }) };
  };
  const cancelReattach = useCallback(() => {
    returnFocusTo.current = reattachingId;
    setReattachingId(null);
    setError(null);
  }, [reattachingId]);

  useEffect(() => {
    const claimId = returnFocusTo.current;
    if (reattachingId !== null || !claimId) return;
    returnFocusTo.current = null;
    document.querySelector<HTMLElement>(`[data-attention-claim-id="${CSS.escape(claimId)}"] button[data-action="reattach"]`)?.focus();
  }, [reattachingId]);

  // Escape, in the panel or in the article where the new text is being selected, leaves re-attach mode.
  useEffect(() => {
    if (!reattachingId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || !(event.target instanceof Element)) return;
      if (!event.target.closest(`[aria-labelledby="${headingId}"], [role="article"]`) && event.target !== document.body) return;
      event.preventDefault();
      cancelReattach();
    };
    // Capture: before the claim panel's own Escape (components/documents/use-panel-focus.ts) closes an open claim.
    document.addEventListener("keydown", onKeyDown, true);
    return () => document.removeEventListener("keydown", onKeyDown, true);
  }, [reattachingId, cancelReattach]);

  /**
   * Sends one action for a claim. Awaited rather than given callbacks: when it was the panel's last claim, the
   * panel is gone by the time the answer is in, and what follows (the announcement) must still happen.
   */
  const run = async (claim: AttentionClaim, action: () => Promise<unknown>, done: () => void) => {
    setError(null);
    setBusyId(claim.id);
    onLeaving(claim.id);
    try {
      await action();
      done();
    } catch (cause) {
      onLeaving(null);
      setError(describeError(cause instanceof Error ? cause : new Error(String(cause)), claim.id));
    } finally {
      setBusyId(null);
    }
  };
  const reattach = (claim: AttentionClaim) => {
    if (!selection) {
      setError({ claimId: claim.id, message: t("selectFirst") });
      return;
    }
    const selectors = selection.describe();
    void run(
      claim,
      () => reattachClaim.mutateAsync({ claimId: claim.id, selectors }),
      () => {
        setReattachingId(null);
        announce(t("announceReattached"));
      },
    );
  };
  const dismiss = (claim: AttentionClaim) =>
    void run(
      claim,
      () => dismissClaim.mutateAsync(claim.id),
      () => announce(claim.state === "changed" ? t("announceKept") : t("announceDismissed")),
    );

  return (
    <section aria-labelledby={headingId} className="mb-3 rounded-lg border border-amber-300 bg-amber-50/60 p-4 shadow-sm" data-testid="needs-attention">
      <h2 id={headingId} tabIndex={-1} className="text-base font-semibold text-amber-950 focus-visible:outline-2 focus-visible:outline-sky-600">
        {t.rich("heading", { count: claims.length, muted: (chunks) => <span className="font-normal text-amber-900">{chunks}</span> })}
      </h2>
      <p className="mt-1 mb-3 text-xs text-amber-950">{t("intro")}</p>
      <ul className="flex max-h-[50vh] flex-col overflow-y-auto" aria-label={t("listLabel")}>
        {claims.map((claim) => (
          <NeedsAttentionEntry
            key={claim.id}
            claim={claim}
            isReattaching={reattachingId === claim.id}
            selection={selection}
            isBusy={busyId === claim.id}
            error={error?.claimId === claim.id ? error.message : null}
            contentLang={contentLang}
            onStartReattach={() => {
              setError(null);
              setReattachingId(claim.id);
            }}
            onCancelReattach={cancelReattach}
            onReattach={() => reattach(claim)}
            onDismiss={() => dismiss(claim)}
            onOpen={() => onOpenClaim(claim.id)}
          />
        ))}
      </ul>
    </section>
  );
}

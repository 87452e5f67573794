"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef } from "react";

import { findNewAttentionIds, type AttentionClaim } from "@/components/versions/needs-attention-list";

/** The id of the "Needs attention" heading (components/versions/needs-attention-panel.tsx), a focus target. */
export const needsAttentionHeadingId = "needs-attention-heading";

/**
 * Says politely (the page's live region, through `announce`) when claims come to need attention while the page is
 * open: a new version arrived and the claims list brought changed or orphaned claims. Not for what the page
 * opened with, and not twice for the same claim while it stays listed.
 */
export function useNeedsAttentionAnnouncement(claims: readonly AttentionClaim[], announce: (message: string) => void) {
  const t = useTranslations("needsAttention");
  const listed = useRef<ReadonlySet<string>>(new Set(claims.map((claim) => claim.id)));
  useEffect(() => {
    const added = findNewAttentionIds(listed.current, claims);
    listed.current = new Set(claims.map((claim) => claim.id));
    if (added.length > 0) announce(t("announceNew", { count: added.length }));
  }, [claims, announce, t]);
}

/**
 * Where focus goes when a claim leaves "Needs attention" (re-attached or dismissed) from its own buttons: to the
 * panel's heading while other claims remain, else to the claim in the claims list; and the article shows where the
 * claim now is (`showInText`; nothing for a dismissed orphan, which is not drawn). Call the returned function as
 * the request is sent (with null if it fails); this happens once the claim is gone from the list, after the
 * article drew it (the reader's effects run before the sidebar's), so what is focused and shown is what stays.
 */
export function useFocusAfterLeaving(claims: readonly AttentionClaim[], showInText: (claimId: string) => void) {
  const leavingId = useRef<string | null>(null);
  useEffect(() => {
    const claimId = leavingId.current;
    if (!claimId || claims.some((claim) => claim.id === claimId)) return;
    leavingId.current = null;
    const target =
      claims.length > 0
        ? document.getElementById(needsAttentionHeadingId)
        : document.querySelector<HTMLElement>(`aside button[data-claim-id="${CSS.escape(claimId)}"]`);
    target?.focus({ preventScroll: true });
    showInText(claimId);
  }, [claims, showInText]);
  return useCallback((claimId: string | null) => {
    leavingId.current = claimId;
  }, []);
}

"use client";

import { useCallback, useEffect, useRef } from "react";

/** How a claim was opened: from the article (a highlight, by key or pointer), from the claims list, or by creating it. */
export type PanelOpener = { claimId: string; from: "text-keyboard" | "text-pointer" | "list" | "created" };

type UsePanelFocusOptions = {
  activeClaimId: string | null;
  /** Opens a claim's panel (null: closes it, back to the list). */
  openClaim: (claimId: string | null) => void;
  /** Focuses the highlight where a claim begins; false when it is not drawn. */
  focusHighlight: (claimId: string) => boolean;
  /** Puts focus back in the article, where its caret was. */
  focusArticle: () => void;
};

const focusableSelector = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
/** Where Escape belongs to the field (a comment being written, a reply form that Escape cancels), not the panel. */
const textEntrySelector = 'textarea, select, [contenteditable="true"], input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"])';

function getPanel(claimId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-open-claim-id="${CSS.escape(claimId)}"]`);
}

/** Whether focus went with what was closed: to the page's body, or it is still in the sidebar, which changed under it. */
function isFocusAdrift(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || active.closest("aside") !== null;
}

/**
 * Focus follows the claim panel. Opening a claim from the keyboard or the claims list moves focus into its panel
 * (its first control, "Back to all claims", inside the region named "Claim by …"); a click on a highlight leaves
 * the caret where it was put, and so does a claim created with the shortcut in the article (the reader may go on
 * selecting), while one created with the composer's button, which it disables, continues in its new panel. Escape in the panel (outside a text field) closes it, and closing returns focus to
 * what opened it: the claim's entry in the list or its highlight in the text, whichever is there (a deleted claim
 * has neither: then the article).
 */
export function usePanelFocus({ activeClaimId, openClaim, focusHighlight, focusArticle }: UsePanelFocusOptions) {
  const opener = useRef<PanelOpener | null>(null);
  const shownClaimId = useRef(activeClaimId);

  const open = useCallback(
    (next: PanelOpener) => {
      opener.current = next;
      openClaim(next.claimId);
    },
    [openClaim],
  );

  useEffect(() => {
    const previous = shownClaimId.current;
    shownClaimId.current = activeClaimId;
    if (activeClaimId === previous) return;
    const openedBy = opener.current;
    if (activeClaimId) {
      if (openedBy?.claimId !== activeClaimId || openedBy.from === "text-pointer") return;
      if (openedBy.from === "created" && document.activeElement?.closest('[role="article"]')) return;
      // From the list, the article is scrolling to the highlight: the panel beside it must not pull the page away.
      getPanel(activeClaimId)?.querySelector<HTMLElement>(focusableSelector)?.focus({ preventScroll: openedBy.from === "list" });
      return;
    }
    opener.current = null;
    if (!previous || !isFocusAdrift()) return;
    const claimId = openedBy?.claimId ?? previous;
    const listEntry = document.querySelector<HTMLElement>(`aside button[data-claim-id="${CSS.escape(claimId)}"]`);
    if (openedBy?.from === "list" && listEntry) listEntry.focus();
    else if (focusHighlight(claimId)) return;
    else if (listEntry) listEntry.focus();
    else focusArticle();
  }, [activeClaimId, focusHighlight, focusArticle]);

  useEffect(() => {
    if (!activeClaimId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || !(event.target instanceof Element)) return;
      const isInPanel = event.target.closest("[data-open-claim-id]") !== null || event.target.matches("mark[data-claim-ids]");
      if (!isInPanel || event.target.closest(textEntrySelector)) return;
      event.preventDefault();
      openClaim(null);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [activeClaimId, openClaim]);

  return { open };
}

"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

type Placement = "above" | "below";

/** Where each claim's highlight sits relative to the viewport; claims in view are reported as seen instead. */
function measure(container: HTMLElement, claimIds: readonly string[]): { seen: string[]; placements: Record<string, Placement> } {
  const seen: string[] = [];
  const placements: Record<string, Placement> = {};
  const isPageVisible = document.visibilityState === "visible";
  for (const claimId of claimIds) {
    const marks = container.querySelectorAll<HTMLElement>(`mark[data-claim-ids~="${CSS.escape(claimId)}"]`);
    let placement: Placement | "visible" | null = null;
    for (const mark of marks) {
      const rect = mark.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.bottom > 0 && rect.top < window.innerHeight) {
        placement = "visible";
        break;
      }
      placement ??= rect.bottom <= 0 ? "above" : "below";
    }
    // Not drawn (yet): nothing to point at, nothing seen.
    if (placement === null) continue;
    // A highlight on screen in a background tab has not been seen.
    if (placement === "visible" && isPageVisible) seen.push(claimId);
    else placements[claimId] = placement === "visible" ? "below" : placement;
  }
  return { seen, placements };
}

function isSamePlacement(a: Record<string, Placement>, b: Record<string, Placement>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

type NewHighlightsButtonProps = {
  /** Claims highlighted by others that the reader has not seen yet and that are drawn, in document order. */
  claimIds: readonly string[];
  /** The element holding the article's highlights. */
  containerRef: RefObject<HTMLElement | null>;
  onSeen: (claimIds: string[]) => void;
  onScrollToClaim: (claimId: string) => void;
};

/**
 * "3 new ↓": how many passages others highlighted out of the reader's view. Activating it scrolls to the next
 * one (below first, else the nearest above); a highlight counts as seen once it has been on screen. It floats
 * over the page, so it never moves the text being read.
 */
export function NewHighlightsButton({ claimIds, containerRef, onSeen, onScrollToClaim }: NewHighlightsButtonProps) {
  const t = useTranslations("live");
  const [placements, setPlacements] = useState<Record<string, Placement>>({});
  const latest = useRef({ claimIds, onSeen });
  useEffect(() => {
    latest.current = { claimIds, onSeen };
  });

  const check = useCallback(() => {
    const container = containerRef.current;
    if (!container) return;
    const result = measure(container, latest.current.claimIds);
    setPlacements((previous) => (isSamePlacement(previous, result.placements) ? previous : result.placements));
    if (result.seen.length > 0) latest.current.onSeen(result.seen);
  }, [containerRef]);

  // Re-measure on scroll and resize (once per frame), when the tab comes back, and whenever the claims change.
  useEffect(() => {
    let frame = 0;
    const schedule = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        check();
      });
    };
    schedule();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    document.addEventListener("visibilitychange", schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      document.removeEventListener("visibilitychange", schedule);
    };
  }, [check, claimIds]);

  const pending = claimIds.filter((claimId) => placements[claimId] !== undefined);
  if (pending.length === 0) return null;
  const next = pending.find((claimId) => placements[claimId] === "below") ?? pending.findLast((claimId) => placements[claimId] === "above")!;
  const isBelow = placements[next] === "below";
  const count = pending.length;
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-6 z-20 flex justify-center px-4">
      <button
        type="button"
        onClick={() => onScrollToClaim(next)}
        aria-label={t("newHighlights", { count })}
        data-testid="new-highlights"
        className="pointer-events-auto inline-flex h-9 items-center gap-1.5 rounded-full bg-stone-900 px-4 text-sm font-medium text-white shadow-lg hover:bg-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      >
        {t("newBadge", { count })} <span aria-hidden>{isBelow ? "↓" : "↑"}</span>
      </button>
    </div>
  );
}

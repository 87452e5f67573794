/**
 * Where the keyboard stops among the highlights (`]` / `[`, Alt+↓ / Alt+↑), and what each stop says. Pure;
 * unit-tested.
 *
 * Navigation is by claim, in document order: each claim is reached at its first segment (the mark where it
 * begins). A segment may belong to several claims; it is a stop for those that begin there (shortest first: the
 * first one is what Enter opens) and merely part of the others. Claims that begin at the very same character share
 * one stop; the claims list beside the article reaches each of them.
 */
import type { HighlightSegment } from "@/components/editor/highlight-segments";

/** The id of the hidden element that describes a claim's highlight (its tags and comment count). */
export function getHighlightSummaryId(claimId: string): string {
  return `claim-summary-${claimId}`;
}

/** The claims that begin at this segment, shortest first (the order of `segment.claims`). */
export function getClaimsStartingAt(segment: HighlightSegment): string[] {
  return segment.claims.filter((claim) => claim.start === segment.start).map((claim) => claim.claimId);
}

/**
 * The claims a segment's mark is described by: those that begin there first (a reader arriving at the stop hears
 * the claim they arrived at first), then those it merely continues.
 */
export function getDescribingClaims(segment: HighlightSegment): string[] {
  const starting = getClaimsStartingAt(segment);
  return [...starting, ...segment.claims.map((claim) => claim.claimId).filter((claimId) => !starting.includes(claimId))];
}

/**
 * The index of the segment that is the tab stop among the highlights: where `claimId` begins, else where the
 * first claim begins (a claim that is gone hands the stop back to the first); -1 without highlights.
 */
export function findTabStopSegment(segments: readonly HighlightSegment[], claimId: string | null): number {
  const index = claimId === null ? -1 : segments.findIndex((segment) => getClaimsStartingAt(segment).includes(claimId));
  return index >= 0 ? index : segments.findIndex((segment) => getClaimsStartingAt(segment).length > 0);
}

export type StopDirection = "next" | "previous";

/**
 * The index of the stop to move to, or -1 when there is none that way (navigation does not wrap around).
 * `stops` are the stops' text offsets, ascending. `from` is where the reader is: a stop's offset when a highlight
 * has focus (`isOnStop`), else the caret's offset, from which "next" includes a stop right at the caret and
 * "previous" is the claim the caret is in, or the one before.
 */
export function findStop(stops: readonly number[], from: number, direction: StopDirection, isOnStop: boolean): number {
  if (direction === "next") return stops.findIndex((offset) => (isOnStop ? offset > from : offset >= from));
  return stops.findLastIndex((offset) => offset < from);
}

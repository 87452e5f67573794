/**
 * Splits possibly overlapping claim ranges into non-overlapping segments, each listing every claim that
 * covers it (innermost, i.e. shortest, first). Drawing one element per segment keeps overlapping claims
 * distinguishable: each claim adds its own underline band and deepens the tint. Pure; unit-tested.
 */
import type { RatingDisplay } from "@/lib/verdicts/rating-display";

export type HighlightRange = {
  claimId: string;
  start: number;
  end: number;
  color: string;
  /** The claim's published verdict: drawn as a badge after its text (components/editor/verdict-badges.ts). */
  verdict?: Pick<RatingDisplay, "label" | "color" | "icon">;
  /** The claim now sits on text that differs from its quote (lib/versions: `changed`): drawn with a dashed underline. */
  isChanged?: boolean;
};

export type HighlightSegment = {
  start: number;
  end: number;
  /** Covering claims, shortest first: the first is the one a click opens. */
  claims: HighlightRange[];
};

/** Non-overlapping, ordered segments of the covered parts of the text. Empty ranges are ignored. */
export function buildHighlightSegments(ranges: readonly HighlightRange[]): HighlightSegment[] {
  const valid = ranges.filter((range) => range.end > range.start);
  const boundaries = [...new Set(valid.flatMap((range) => [range.start, range.end]))].sort((a, b) => a - b);
  const segments: HighlightSegment[] = [];
  for (let index = 0; index < boundaries.length - 1; index += 1) {
    const start = boundaries[index]!;
    const end = boundaries[index + 1]!;
    const covering = valid
      .filter((range) => range.start <= start && range.end >= end)
      .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start || a.claimId.localeCompare(b.claimId));
    if (covering.length > 0) segments.push({ start, end, claims: covering });
  }
  return segments;
}

import { codePointOffsetToIndex, countCodePoints } from "./code-points";
import { countAgreeingContext, findExactOccurrences } from "./exact-quote";
import { matchQuote, type QuoteContext } from "./match-quote";
import { resolvePosition } from "./position";
import type {
  AnchorMethod,
  AnchorResult,
  PartialClaimSelectors,
  TextPositionSelector,
  Utf16Range,
} from "./types";

/**
 * Lowest fuzzy score accepted by {@link anchorClaim}; below it the claim is orphaned.
 *
 * Scores are a weighted mean (quote 50, prefix 20, suffix 20, position 2). On the seed article a
 * lightly edited quote scores 0.87–0.99, and 0.73 even with the sentences around it rewritten;
 * a deleted quote's best look-alike elsewhere scores 0.45–0.52 (the quote half wrong, context
 * unrelated). 0.5 would let some of those through; 0.6 leaves a margin on both sides. See the
 * "MIN_FUZZY_SCORE" cases in anchor.test.ts.
 */
export const MIN_FUZZY_SCORE = 0.6;

function anchored(range: Utf16Range, method: AnchorMethod, score: number): AnchorResult {
  return { status: "anchored", start: range.start, end: range.end, method, score };
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Best guess of where the quote starts, from a position that may be stale or out of range. */
function toHint(text: string, position: TextPositionSelector | undefined): number | undefined {
  const start = position?.start;
  if (typeof start !== "number" || !Number.isFinite(start)) return undefined;
  const clamped = Math.min(Math.max(0, Math.round(start)), countCodePoints(text));
  return codePointOffsetToIndex(text, clamped);
}

/** The verbatim occurrence whose surroundings agree most with the context, then the nearest. */
function pickExactOccurrence(
  text: string,
  exact: string,
  context: QuoteContext,
): Utf16Range | undefined {
  let best: { range: Utf16Range; agreeing: number; distance: number } | undefined;
  for (const start of findExactOccurrences(text, exact)) {
    const range = { start, end: start + exact.length };
    const agreeing = countAgreeingContext(text, range, context);
    const distance = context.hint === undefined ? 0 : Math.abs(start - context.hint);
    if (
      best === undefined ||
      agreeing > best.agreeing ||
      (agreeing === best.agreeing && distance < best.distance)
    ) {
      best = { range, agreeing, distance };
    }
  }
  return best?.range;
}

/**
 * Locates a claim in the current `text` from its stored selectors, in order of trust:
 *
 * 1. `"position"`: the position selector, if the text there is still exactly the quote (or if no
 *    quote was stored);
 * 2. `"quote"`: a verbatim occurrence of the quote, the one whose prefix/suffix agree best, then
 *    the one nearest the old position;
 * 3. `"fuzzy"`: an approximate match (see `matchQuote`) scoring at least {@link MIN_FUZZY_SCORE}.
 *
 * Otherwise the claim is orphaned. Never throws: bad stored data (NaN, negative, inverted or
 * out-of-range positions, missing fields) is skipped in favour of the other selector.
 *
 * @returns `start`/`end` as UTF-16 offsets into `text`.
 */
export function anchorClaim(text: string, selectors: PartialClaimSelectors): AnchorResult {
  const quote = selectors.quote ?? undefined;
  const position = selectors.position ?? undefined;
  const resolved = position === undefined ? undefined : resolvePosition(text, position);
  const positionRange = resolved?.ok ? resolved.range : undefined;
  const exact = asString(quote?.exact);

  if (!exact) {
    if (positionRange) return anchored(positionRange, "position", 1);
    return { status: "orphaned", reason: position ? "invalid_position" : "no_selectors" };
  }
  if (positionRange && text.slice(positionRange.start, positionRange.end) === exact) {
    return anchored(positionRange, "position", 1);
  }

  const context: QuoteContext = {
    prefix: asString(quote?.prefix),
    suffix: asString(quote?.suffix),
    hint: positionRange?.start ?? toHint(text, position),
  };
  const occurrence = pickExactOccurrence(text, exact, context);
  if (occurrence) return anchored(occurrence, "quote", 1);

  const match = matchQuote(text, exact, context);
  if (match && match.score >= MIN_FUZZY_SCORE) return anchored(match, "fuzzy", match.score);
  return { status: "orphaned", reason: "quote_not_found" };
}

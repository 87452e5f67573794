import { comparedPrefix, comparedSuffix } from "./context-similarity";
import { placeExactQuote, type ExactPlacement, type PlacementContext } from "./exact-placement";
import { hasExactContext } from "./exact-quote";
import { foldText } from "./fold-text";
import { MIN_FUZZY_SCORE, placeFuzzyQuote } from "./fuzzy-placement";
import { resolvePositionWith } from "./position";
import { prepareText, type PreparedText } from "./prepared-text";
import type { AnchorMethod, OrphanReason, PartialClaimSelectors, TextPositionSelector, Utf16Range } from "./types";

/** Where a claim stands in a new text. */
export type ReanchorState = "anchored" | "changed" | "orphaned";

/**
 * A claim placed in a new text. `start`/`end` are UTF-16 offsets into that text.
 * - `anchored`: the same quote, verbatim, confidently placed (maybe moved);
 * - `changed`: found fuzzily (the quote differs), or a verbatim quote placed with low confidence;
 *   a human should look;
 * - `orphaned`: not found.
 *
 * `score` is in 0..1: 1 for `position`, the context score of the chosen occurrence for `quote` (1 when no
 * context was stored), the match score for `fuzzy`.
 */
export type ReanchorResult =
  | { state: "anchored"; start: number; end: number; method: AnchorMethod; score: number }
  | { state: "changed"; start: number; end: number; method: AnchorMethod; score: number }
  | { state: "orphaned"; reason: OrphanReason };

function placed(
  state: "anchored" | "changed",
  range: Utf16Range,
  method: AnchorMethod,
  score: number,
): ReanchorResult {
  return { state, start: range.start, end: range.end, method, score };
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Best guess of where the quote starts, from a position that may be stale or out of range. */
function toHint(prepared: PreparedText, position: TextPositionSelector | undefined): number | undefined {
  const start = position?.start;
  if (typeof start !== "number" || !Number.isFinite(start)) return undefined;
  const clamped = Math.min(Math.max(0, Math.round(start)), prepared.codePointCount());
  return prepared.indexOfCodePoint(clamped);
}

function overlaps(range: Utf16Range, starts: readonly number[], length: number): boolean {
  return starts.some((start) => start < range.end && range.start < start + length);
}

/**
 * A fuzzy match for a quote that is not verbatim where it belongs: accepted when it scores at least
 * {@link MIN_FUZZY_SCORE} and is not one of (or a shifted variant of) the verbatim occurrences, which
 * `placeExactQuote` has already judged.
 */
function findFuzzy(prepared: PreparedText, exact: string, context: PlacementContext) {
  const match = placeFuzzyQuote(prepared, exact, context);
  if (!match || match.score < MIN_FUZZY_SCORE) return undefined;
  if (overlaps(match, prepared.occurrences(exact), exact.length)) return undefined;
  return match;
}

/** The pipeline of {@link reanchorClaim}, on a text prepared once for many claims. */
export function reanchorPrepared(prepared: PreparedText, selectors: PartialClaimSelectors): ReanchorResult {
  const { text } = prepared;
  const quote = selectors.quote ?? undefined;
  const position = selectors.position ?? undefined;
  const resolved =
    position === undefined
      ? undefined
      : resolvePositionWith(position, prepared.codePointCount(), prepared.indexOfCodePoint);
  const positionRange = resolved?.ok ? resolved.range : undefined;
  const exact = asString(quote?.exact);

  if (!exact) {
    // Offsets alone cannot be checked against the new text: place the claim, but have a human look.
    if (positionRange) return placed("changed", positionRange, "position", 1);
    return { state: "orphaned", reason: position ? "invalid_position" : "no_selectors" };
  }

  const prefix = asString(quote?.prefix) ?? "";
  const suffix = asString(quote?.suffix) ?? "";
  if (
    positionRange &&
    text.slice(positionRange.start, positionRange.end) === exact &&
    hasExactContext(text, positionRange, { prefix, suffix })
  ) {
    return placed("anchored", positionRange, "position", 1);
  }

  const context: PlacementContext = {
    prefix,
    suffix,
    foldedPrefix: foldText(comparedPrefix(prefix)),
    foldedSuffix: foldText(comparedSuffix(suffix)),
    hint: positionRange?.start ?? toHint(prepared, position),
  };
  const choice: ExactPlacement | undefined = placeExactQuote(prepared, exact, context);
  if (choice?.confidence === "confident") return placed("anchored", choice, "quote", choice.score);

  const fuzzy = findFuzzy(prepared, exact, context);
  if (fuzzy) return placed("changed", fuzzy, "fuzzy", fuzzy.score);
  if (choice?.confidence === "doubtful") return placed("changed", choice, "quote", choice.score);
  return { state: "orphaned", reason: choice ? "quote_ambiguous" : "quote_not_found" };
}

/**
 * Places one claim in a new version of its document, from its stored selectors, in order of trust:
 *
 * 1. `position`: the text at the stored position is still the quote **and** the stored prefix and suffix
 *    are still around it (after an insertion above, another occurrence of the same words can sit exactly
 *    at the old position: it is not taken);
 * 2. `quote`: among the verbatim occurrences, the one whose surroundings are most similar to the stored
 *    prefix and suffix (edit distance, see `scoreContext`), the nearest to the old position breaking ties;
 *    `anchored` when that choice is clear, otherwise `changed`;
 * 3. `fuzzy`: an approximate match (see `placeFuzzyQuote`) scoring at least {@link MIN_FUZZY_SCORE}, also tried
 *    when the verbatim choice was not clear; always `changed`.
 *
 * Otherwise `orphaned`: `quote_not_found`, or `quote_ambiguous` when the quote occurs several times and none
 * of the places has its context. A position without a quote places the claim as `changed` (nothing to check
 * it against). Never throws on bad stored data.
 */
export function reanchorClaim(newText: string, selectors: PartialClaimSelectors): ReanchorResult {
  return reanchorPrepared(prepareText(newText), selectors);
}

/**
 * Many claims onto one new text: {@link reanchorClaim} for each, sharing the folded text, the code point
 * table and one occurrence index per distinct quote. Results are in the order of `claims`.
 */
export function reanchorClaims(newText: string, claims: readonly PartialClaimSelectors[]): ReanchorResult[] {
  const prepared = prepareText(newText);
  return claims.map((selectors) => reanchorPrepared(prepared, selectors));
}

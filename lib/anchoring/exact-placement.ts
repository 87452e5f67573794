import { CONTEXT_LENGTH } from "./describe";
import { scoreContext } from "./context-similarity";
import { hasExactContext } from "./exact-quote";
import type { PreparedText } from "./prepared-text";

/**
 * Context score (see `scoreContext`) at or above which a verbatim occurrence is trusted. On the seed article
 * an occurrence's own context, with a word inserted on each side of it, scores at least 0.76; the context
 * of another occurrence of the same phrase at most 0.59.
 */
export const MIN_CONTEXT_SCORE = 0.7;

/** How far the best occurrence must score above the next best to be trusted (seed article: ≥ 0.23). */
export const MIN_CONTEXT_MARGIN = 0.15;

/**
 * Below this score, with no side holding and no clear lead over the next, the best of several occurrences
 * is no better than a look-alike: the claim's place is unknown.
 */
export const AMBIGUOUS_BELOW = 0.5;

/** A unique verbatim quote this long is its own evidence, whatever its context became (twice the context). */
export const SELF_EVIDENT_QUOTE_LENGTH = 2 * CONTEXT_LENGTH;

/**
 * How far to trust the chosen occurrence:
 * - `confident`: its context agrees (or the quote occurs once and needs none) and no other comes close;
 * - `doubtful`: the best guess, to be shown to a human;
 * - `ambiguous`: several occurrences, none with the claim's context, none clearly ahead.
 */
export type ExactConfidence = "confident" | "doubtful" | "ambiguous";

export interface ExactPlacement {
  start: number;
  end: number;
  confidence: ExactConfidence;
  /** Context score of the chosen occurrence in 0..1; 1 when no context was stored. */
  score: number;
}

/** The stored selectors a placement compares with: folded, trimmed context and a UTF-16 hint. */
export interface PlacementContext {
  /** Stored prefix, verbatim (for the exact check). */
  prefix: string;
  suffix: string;
  /** The same, folded and trimmed for comparison (`comparedPrefix`/`comparedSuffix` of `foldText`). */
  foldedPrefix: string;
  foldedSuffix: string;
  /** Where the quote was expected to start (UTF-16), from the stored position. */
  hint: number | undefined;
}

interface Scored {
  start: number;
  score: number | undefined;
  oneSideHolds: boolean;
  distance: number;
}

/** Higher context score first, then nearer the hint. An unknown score ranks as any other unknown score. */
function isBetter(candidate: Scored, best: Scored): boolean {
  const a = candidate.score ?? -1;
  const b = best.score ?? -1;
  return a > b || (a === b && candidate.distance < best.distance);
}

/**
 * The only occurrence whose stored context is there verbatim (at least {@link CONTEXT_LENGTH} characters
 * of it, both sides together), or `undefined`. Such an occurrence needs no scoring: nothing else can match
 * better, and it is not ambiguous unless another has the same context too.
 */
function onlyVerbatimContext(
  prepared: PreparedText,
  starts: readonly number[],
  length: number,
  context: PlacementContext,
): number | undefined {
  if (context.prefix.length + context.suffix.length < CONTEXT_LENGTH) return undefined;
  let found: number | undefined;
  for (const start of starts) {
    if (!hasExactContext(prepared.text, { start, end: start + length }, context)) continue;
    if (found !== undefined) return undefined;
    found = start;
  }
  return found;
}

/**
 * Chooses among the verbatim occurrences of `exact` the one whose surroundings are most similar to the
 * stored prefix and suffix, the nearest to the stored position breaking ties, and says how far to trust
 * it. `undefined` when the quote does not occur verbatim.
 */
export function placeExactQuote(
  prepared: PreparedText,
  exact: string,
  context: PlacementContext,
): ExactPlacement | undefined {
  const starts = prepared.occurrences(exact);
  if (starts.length === 0) return undefined;
  const verbatim = onlyVerbatimContext(prepared, starts, exact.length, context);
  if (verbatim !== undefined) {
    return { start: verbatim, end: verbatim + exact.length, confidence: "confident", score: 1 };
  }

  const folded = prepared.folded();
  let best: Scored | undefined;
  let second: Scored | undefined;
  for (const start of starts) {
    const agreement = scoreContext(folded, start, start + exact.length, context.foldedPrefix, context.foldedSuffix);
    const distance = context.hint === undefined ? 0 : Math.abs(start - context.hint);
    const candidate: Scored = { start, ...agreement, distance };
    if (best === undefined || isBetter(candidate, best)) {
      second = best;
      best = candidate;
    } else if (second === undefined || isBetter(candidate, second)) {
      second = candidate;
    }
  }
  if (best === undefined) return undefined;

  const placed = { start: best.start, end: best.start + exact.length, score: best.score ?? 1 };
  return { ...placed, confidence: judge(best, second, exact.length) };
}

function judge(best: Scored, second: Scored | undefined, quoteLength: number): ExactConfidence {
  const unique = second === undefined;
  if (best.score === undefined) return unique ? "confident" : "doubtful";
  const agrees = best.score >= MIN_CONTEXT_SCORE || best.oneSideHolds;
  if (unique) return agrees || quoteLength >= SELF_EVIDENT_QUOTE_LENGTH ? "confident" : "doubtful";
  const margin = best.score - (second.score ?? 0);
  if (agrees && margin >= MIN_CONTEXT_MARGIN) return "confident";
  if (best.score < AMBIGUOUS_BELOW && !best.oneSideHolds && margin < MIN_CONTEXT_MARGIN) return "ambiguous";
  return "doubtful";
}

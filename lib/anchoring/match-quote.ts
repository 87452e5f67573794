import search from "approx-string-match";

import { snapToCodePointBoundary } from "./code-points";
import { foldText } from "./fold-text";
import type { QuoteMatch } from "./types";

/** What is known about where a quote should be, besides its own text. */
export interface QuoteContext {
  /** Text expected immediately before the quote. */
  prefix?: string;
  /** Text expected immediately after the quote. */
  suffix?: string;
  /** UTF-16 index where the quote is expected to start (e.g. from a stale position selector). */
  hint?: number;
}

// The quote itself matters most; context separates look-alikes; the hint only breaks near-ties.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Upper bound on edit errors: beyond it, approximate search gets slow and matches meaningless. */
const MAX_ERRORS = 256;

/**
 * Similarity in 0..1 between `pattern` and its closest approximate occurrence in `window`.
 * No expectation (an empty or missing pattern) counts as full agreement.
 */
function scoreSimilarity(window: string, pattern: string | undefined): number {
  if (!pattern) return 1;
  if (window.length === 0) return 0;
  const [closest] = search(window, pattern, pattern.length);
  return closest ? 1 - closest.errors / pattern.length : 0;
}

/**
 * Finds the best approximate match for `quote` in `text`, allowing edits of up to half the quote
 * (at most 256), and scores each candidate by quote similarity, prefix and suffix similarity and
 * closeness to `context.hint`.
 *
 * Comparison is done on {@link foldText | folded} text, so typographic quotes, dashes, no-break
 * spaces and case do not count as edits.
 *
 * @returns the best match (UTF-16 offsets, widened to whole code points) with a score in 0..1,
 *   or `null` when nothing is within the error budget. Callers decide what score is good enough.
 */
export function matchQuote(
  text: string,
  quote: string,
  context: QuoteContext = {},
): QuoteMatch | null {
  if (quote.length === 0 || text.length === 0) return null;

  const foldedText = foldText(text);
  const foldedQuote = foldText(quote);
  const prefix = context.prefix === undefined ? undefined : foldText(context.prefix);
  const suffix = context.suffix === undefined ? undefined : foldText(context.suffix);
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length / 2));

  let best: QuoteMatch | null = null;
  for (const candidate of search(foldedText, foldedQuote, maxErrors)) {
    const quoteScore = 1 - candidate.errors / quote.length;
    const prefixScore = scoreSimilarity(
      foldedText.slice(Math.max(0, candidate.start - (prefix?.length ?? 0)), candidate.start),
      prefix,
    );
    const suffixScore = scoreSimilarity(
      foldedText.slice(candidate.end, candidate.end + (suffix?.length ?? 0)),
      suffix,
    );
    const positionScore =
      context.hint === undefined
        ? 1
        : Math.max(0, 1 - Math.abs(candidate.start - context.hint) / text.length);
    const score =
      (QUOTE_WEIGHT * quoteScore +
        PREFIX_WEIGHT * prefixScore +
        SUFFIX_WEIGHT * suffixScore +
        POSITION_WEIGHT * positionScore) /
      TOTAL_WEIGHT;
    if (best === null || score > best.score) {
      best = { start: candidate.start, end: candidate.end, score };
    }
  }
  if (best === null) return null;
  return {
    start: snapToCodePointBoundary(text, best.start, "backward"),
    end: snapToCodePointBoundary(text, best.end, "forward"),
    score: best.score,
  };
}

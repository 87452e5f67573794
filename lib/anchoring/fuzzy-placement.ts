import { snapToCodePointBoundary } from "./code-points";
import { prefixSimilarity, suffixSimilarity } from "./context-similarity";
import type { PlacementContext } from "./exact-placement";
import { foldText } from "./fold-text";
import {
  alignToContext,
  besideContextCandidates,
  bracketedCandidates,
  findSites,
  searchIn,
  type Candidate,
} from "./fuzzy-candidates";
import type { PreparedText } from "./prepared-text";
import type { QuoteMatch } from "./types";

/**
 * Lowest fuzzy score accepted; below it the claim is orphaned.
 *
 * Scores are a weighted mean (quote 50, prefix 20, suffix 20, position 2), as in `matchQuote`, where this
 * bar was set: there a lightly edited quote scores 0.87–0.99 on the seed article, 0.73 with the sentences
 * around it rewritten, and a deleted quote's best look-alike 0.45–0.52 (see the "MIN_FUZZY_SCORE" cases in
 * anchor.test.ts). Here look-alikes without surviving context are not scored at all (`MIN_FUZZY_CONTEXT`);
 * the edit scenarios (edit-scenarios.test.ts) score 0.64–0.99 for edited claims.
 */
export const MIN_FUZZY_SCORE = 0.6;

// The same weights as `matchQuote` (and Hypothesis): the quote matters most, context separates look-alikes,
// the old position only breaks near-ties. Unknown context or position counts as agreeing.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Upper bound on edit errors searched for: beyond it, approximate search gets slow and matches meaningless. */
const MAX_ERRORS = 256;
/**
 * A fuzzy match must keep at least this much of one side's context (when context is stored): a look-alike
 * elsewhere ("wil de belasting verlagen" for a deleted "wil de belasting verhogen") has context at noise
 * level (0.25–0.35), while an edited quote keeps 0.75 or more of a side even with the sentences around
 * it rewritten.
 */
const MIN_FUZZY_CONTEXT = 0.5;
/**
 * A candidate found beside surviving context that scores this well is taken without searching the whole
 * text: its context is largely intact and its quote largely the same.
 */
const GOOD_ENOUGH = 0.8;

/** Scores candidates and keeps the best; each range is scored once. */
class BestCandidate {
  best: QuoteMatch | undefined;
  private readonly seen = new Set<string>();

  constructor(
    private readonly folded: string,
    private readonly quote: string,
    private readonly context: PlacementContext,
  ) {}

  /**
   * Quote similarity is the edit distance normalised by the longer of quote and candidate (so words
   * inserted into a short claim do not count for more than the claim itself); context by `scoreContext`'s
   * anchored similarity.
   */
  consider({ start, end, errors }: Candidate): void {
    const key = `${start}:${end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const { folded, quote, context } = this;
    const quoteScore = Math.max(0, 1 - errors / Math.max(quote.length, end - start));
    const prefixScore = prefixSimilarity(folded, start, context.foldedPrefix);
    const suffixScore = suffixSimilarity(folded, end, context.foldedSuffix);
    const hasContext = prefixScore !== undefined || suffixScore !== undefined;
    if (hasContext && Math.max(prefixScore ?? 0, suffixScore ?? 0) < MIN_FUZZY_CONTEXT) return;
    const positionScore = context.hint === undefined ? 1 : Math.max(0, 1 - Math.abs(start - context.hint) / folded.length);
    const score =
      (QUOTE_WEIGHT * quoteScore +
        PREFIX_WEIGHT * (prefixScore ?? 1) +
        SUFFIX_WEIGHT * (suffixScore ?? 1) +
        POSITION_WEIGHT * positionScore) /
      TOTAL_WEIGHT;
    if (this.best === undefined || score > this.best.score) this.best = { start, end, score };
  }
}

/**
 * The best approximate place for a quote that is not verbatim where it belongs, scored like `matchQuote`
 * (quote, prefix, suffix, position), only where at least half of one side of the context survived (when
 * context is stored). Searched from the most telling to the most expensive:
 *
 * 1. between where the prefix and the suffix survived verbatim: taken when it scores at least
 *    {@link MIN_FUZZY_SCORE} (64 characters of context agree: this is the claim's place, however edited);
 * 2. right after the prefix or before the suffix (verbatim or nearly): taken when {@link GOOD_ENOUGH};
 * 3. the whole text (the quote moved and was edited), edits of up to half the quote (at most 256).
 *
 * Matches from 2 and 3 are also tried with their boundaries moved to meet the context. `undefined` when
 * nothing qualifies; the caller decides whether the score is enough.
 */
export function placeFuzzyQuote(prepared: PreparedText, exact: string, context: PlacementContext): QuoteMatch | undefined {
  const { text } = prepared;
  if (exact.length === 0 || text.length === 0) return undefined;
  const folded = prepared.folded();
  const quote = foldText(exact);
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length / 2));
  const candidates = new BestCandidate(folded, quote, context);
  const sites = findSites(folded, context);

  for (const found of bracketedCandidates(folded, quote, sites)) candidates.consider(found);
  if ((candidates.best?.score ?? 0) < MIN_FUZZY_SCORE) {
    const searches = [
      () => besideContextCandidates(folded, quote, maxErrors, sites),
      () => searchIn(folded, 0, folded.length, quote, maxErrors),
    ];
    for (const searchFor of searches) {
      for (const found of searchFor()) {
        candidates.consider(found);
        const aligned = alignToContext(folded, quote, found, context, maxErrors);
        if (aligned) candidates.consider(aligned);
      }
      if ((candidates.best?.score ?? 0) >= GOOD_ENOUGH) break;
    }
  }

  const { best } = candidates;
  if (best === undefined) return undefined;
  return {
    start: snapToCodePointBoundary(text, best.start, "backward"),
    end: snapToCodePointBoundary(text, best.end, "forward"),
    score: best.score,
  };
}

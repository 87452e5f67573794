import search from "approx-string-match";

import { snapToCodePointBoundary } from "./code-points";
import { prefixSimilarity, suffixSimilarity } from "./context-similarity";
import { editDistance } from "./edit-distance";
import type { PlacementContext } from "./exact-placement";
import { foldText } from "./fold-text";
import type { PreparedText } from "./prepared-text";
import type { QuoteMatch } from "./types";

// The same weights as `matchQuote` (and Hypothesis): the quote matters most, context separates look-alikes,
// the old position only breaks near-ties. Unknown context or position counts as agreeing.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Upper bound on edit errors: beyond it, approximate search gets slow and matches meaningless. */
const MAX_ERRORS = 256;
/** Context shorter than this is not searched for on its own (too many chance matches). */
const MIN_SEARCHED_CONTEXT = 8;
/** How many places where the context survived are searched for the quote (the nearest to the old position). */
const MAX_CONTEXT_SITES = 8;
/**
 * A fuzzy match must keep at least this much of one side's context (when context is stored): a look-alike
 * elsewhere ("wil de belasting verlagen" for a deleted "wil de belasting verhogen") has context at noise
 * level (0.25–0.35), while an edited quote keeps 0.75 or more of a side even with the sentences around
 * it rewritten.
 */
const MIN_FUZZY_CONTEXT = 0.5;
/**
 * A candidate found where the context survived that scores this well is taken without searching the whole
 * text: its context is largely intact and its quote largely the same, so the claim's place is found.
 */
const GOOD_ENOUGH = 0.8;
/** Length of the context's end (prefix) or start (suffix) that must survive verbatim to move a boundary. */
const BOUNDARY_ANCHOR = 8;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** The approximate occurrences of `quote` with the fewest errors in `folded[from, to)`. */
function searchIn(folded: string, from: number, to: number, quote: string, maxErrors: number): Candidate[] {
  const start = Math.max(0, from);
  return search(folded.slice(start, Math.min(folded.length, to)), quote, maxErrors).map((match) => ({
    start: match.start + start,
    end: match.end + start,
    errors: match.errors,
  }));
}

function nearest<T extends { start: number }>(items: T[], hint: number | undefined, count: number): T[] {
  if (hint === undefined || items.length <= count) return items.slice(0, count);
  return [...items].sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint)).slice(0, count);
}

/** Where the stored prefix and suffix are in the text (see {@link findContextSites}). */
interface ContextSites {
  prefix: Candidate[];
  suffix: Candidate[];
}

function findSites(folded: string, context: PlacementContext): ContextSites {
  const { foldedPrefix: prefix, foldedSuffix: suffix, hint } = context;
  return {
    prefix: prefix.length >= MIN_SEARCHED_CONTEXT ? findContextSites(folded, prefix, hint) : [],
    suffix: suffix.length >= MIN_SEARCHED_CONTEXT ? findContextSites(folded, suffix, hint) : [],
  };
}

/**
 * The usual edit inside a claim leaves its context in place: the text between where the prefix ends and
 * where the suffix starts, both verbatim (when that is within the error budget of the quote's length), is
 * the claim.
 */
function bracketedCandidates(folded: string, quote: string, maxErrors: number, sites: ContextSites): Candidate[] {
  const candidates: Candidate[] = [];
  // Only context found verbatim marks a boundary exactly; an approximate match's ends may be off by its errors.
  const verbatim = (site: Candidate) => site.errors === 0;
  for (const before of sites.prefix.filter(verbatim)) {
    for (const after of sites.suffix.filter(verbatim)) {
      const length = after.start - before.end;
      if (length <= 0 || Math.abs(length - quote.length) > maxErrors) continue;
      const slice = folded.slice(before.end, after.start);
      const errors = editDistance(quote, slice) ?? Math.max(length, quote.length);
      if (errors <= maxErrors) candidates.push({ start: before.end, end: after.start, errors });
    }
  }
  return candidates;
}

/**
 * Candidates where one side of the context survived: the quote searched right after each place where the
 * prefix is and right before each place where the suffix is. Approximate search reports only the matches
 * with the fewest errors in the text it is given, so searching the whole text alone would let a look-alike
 * elsewhere hide the edited quote itself.
 */
function besideContextCandidates(folded: string, quote: string, maxErrors: number, sites: ContextSites): Candidate[] {
  const candidates: Candidate[] = [];
  const span = quote.length + maxErrors;
  for (const site of sites.prefix) candidates.push(...searchIn(folded, site.end, site.end + span, quote, maxErrors));
  for (const site of sites.suffix) candidates.push(...searchIn(folded, site.start - span, site.start, quote, maxErrors));
  return candidates;
}

/**
 * Where a stored prefix or suffix is in the text: its verbatim occurrences (the usual case, and cheap),
 * else its closest approximate ones (up to a quarter of it edited); at most {@link MAX_CONTEXT_SITES},
 * the nearest to the old position.
 */
function findContextSites(folded: string, context: string, hint: number | undefined): Candidate[] {
  const verbatim: Candidate[] = [];
  for (let at = folded.indexOf(context); at !== -1; at = folded.indexOf(context, at + 1)) {
    verbatim.push({ start: at, end: at + context.length, errors: 0 });
  }
  const sites = verbatim.length > 0 ? verbatim : searchIn(folded, 0, folded.length, context, Math.floor(context.length / 4));
  return nearest(sites, hint, MAX_CONTEXT_SITES);
}

/**
 * Moves a boundary of a fuzzy match to where the context says it is: the nearest place within `reach`
 * (twice the error budget)
 * where the last characters of the prefix end (or the first of the suffix begin) verbatim. Approximate
 * search otherwise drops a quote's edited first or last words from the match (fewer errors that way).
 */
function alignToContext(
  folded: string,
  quote: string,
  candidate: Candidate,
  context: PlacementContext,
  reach: number,
): Candidate {
  let { start, end } = candidate;
  const tail = context.foldedPrefix.slice(-BOUNDARY_ANCHOR);
  if (tail.length === BOUNDARY_ANCHOR && !folded.startsWith(tail, start - tail.length)) {
    let best: number | undefined;
    for (let at = folded.indexOf(tail, Math.max(0, start - reach - tail.length)); at !== -1; at = folded.indexOf(tail, at + 1)) {
      const boundary = at + tail.length;
      if (boundary > start + reach || boundary >= end) break;
      if (best === undefined || Math.abs(boundary - start) < Math.abs(best - start)) best = boundary;
    }
    if (best !== undefined) start = best;
  }
  const head = context.foldedSuffix.slice(0, BOUNDARY_ANCHOR);
  if (head.length === BOUNDARY_ANCHOR && !folded.startsWith(head, end)) {
    let best: number | undefined;
    for (let at = folded.indexOf(head, Math.max(start + 1, end - reach)); at !== -1 && at <= end + reach; at = folded.indexOf(head, at + 1)) {
      if (best === undefined || Math.abs(at - end) < Math.abs(best - end)) best = at;
    }
    if (best !== undefined) end = best;
  }
  if (start === candidate.start && end === candidate.end) return candidate;
  // Each character a boundary moved is at most one more edit; measure exactly unless the quote is huge.
  const estimate = candidate.errors + Math.abs(start - candidate.start) + Math.abs(end - candidate.end);
  return { start, end, errors: editDistance(quote, folded.slice(start, end)) ?? estimate };
}

/** Scores candidates and keeps the best; the same range (before or after alignment) is scored once. */
class BestCandidate {
  best: QuoteMatch | undefined;
  private readonly seen = new Set<string>();

  constructor(
    private readonly folded: string,
    private readonly quote: string,
    private readonly maxErrors: number,
    private readonly context: PlacementContext,
  ) {}

  consider(found: Candidate): void {
    const foundKey = `${found.start}:${found.end}`;
    if (this.seen.has(foundKey)) return;
    this.seen.add(foundKey);
    const { folded, quote, context } = this;
    const candidate = alignToContext(folded, quote, found, context, 2 * this.maxErrors);
    const key = `${candidate.start}:${candidate.end}`;
    if (key !== foundKey && this.seen.has(key)) return;
    this.seen.add(key);

    const quoteScore = Math.max(0, 1 - candidate.errors / quote.length);
    const prefixScore = prefixSimilarity(folded, candidate.start, context.foldedPrefix);
    const suffixScore = suffixSimilarity(folded, candidate.end, context.foldedSuffix);
    const hasContext = prefixScore !== undefined || suffixScore !== undefined;
    if (hasContext && Math.max(prefixScore ?? 0, suffixScore ?? 0) < MIN_FUZZY_CONTEXT) return;
    const positionScore =
      context.hint === undefined ? 1 : Math.max(0, 1 - Math.abs(candidate.start - context.hint) / folded.length);
    const score =
      (QUOTE_WEIGHT * quoteScore +
        PREFIX_WEIGHT * (prefixScore ?? 1) +
        SUFFIX_WEIGHT * (suffixScore ?? 1) +
        POSITION_WEIGHT * positionScore) /
      TOTAL_WEIGHT;
    if (this.best === undefined || score > this.best.score) this.best = { start: candidate.start, end: candidate.end, score };
  }
}

/**
 * The best approximate place for a quote that is not verbatim where it belongs (edits of up to half the
 * quote, at most 256), scored like `matchQuote` but with context compared by `scoreContext`'s anchored
 * similarity, and only where at least half of one side of the context survived (when context is stored).
 * Between where the prefix and suffix survived is tried first, then beside either, and the whole text
 * only when those find nothing {@link GOOD_ENOUGH} (the quote moved and was edited). `undefined` when
 * nothing qualifies.
 */
export function placeFuzzyQuote(prepared: PreparedText, exact: string, context: PlacementContext): QuoteMatch | undefined {
  const { text } = prepared;
  if (exact.length === 0 || text.length === 0) return undefined;
  const folded = prepared.folded();
  const quote = foldText(exact);
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length / 2));

  const candidates = new BestCandidate(folded, quote, maxErrors, context);
  const sites = findSites(folded, context);
  // From the cheapest and most telling search to the most expensive, until one finds a good place.
  const searches = [
    () => bracketedCandidates(folded, quote, maxErrors, sites),
    () => besideContextCandidates(folded, quote, maxErrors, sites),
    () => searchIn(folded, 0, folded.length, quote, maxErrors),
  ];
  for (const searchFor of searches) {
    for (const found of searchFor()) candidates.consider(found);
    if ((candidates.best?.score ?? 0) >= GOOD_ENOUGH) break;
  }
  const { best } = candidates;
  if (best === undefined) return undefined;
  return {
    start: snapToCodePointBoundary(text, best.start, "backward"),
    end: snapToCodePointBoundary(text, best.end, "forward"),
    score: best.score,
  };
}

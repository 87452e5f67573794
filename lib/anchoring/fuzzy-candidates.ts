import search from "approx-string-match";

import { editDistance } from "./edit-distance";
import type { PlacementContext } from "./exact-placement";

/** A place an edited quote may have gone: UTF-16 range in the folded text, and its edit distance to the quote. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Context shorter than this is not searched for on its own (too many chance matches). */
const MIN_SEARCHED_CONTEXT = 8;
/** How many places where the context survived are searched for the quote (the nearest to the old position). */
const MAX_CONTEXT_SITES = 8;
/** Length of the context's end (prefix) or start (suffix) that must survive verbatim to move a boundary. */
const BOUNDARY_ANCHOR = 8;
/** How far a boundary may move to meet the context (and at most twice the quote's error budget). */
const MAX_BOUNDARY_SHIFT = 64;
/** A bracketed claim may have grown to at most twice its length plus this. */
const BRACKET_GROWTH = 16;

/** The approximate occurrences of `quote` with the fewest errors in `folded[from, to)`. */
export function searchIn(folded: string, from: number, to: number, quote: string, maxErrors: number): Candidate[] {
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

/**
 * Where a stored prefix or suffix is in the text: its verbatim occurrences (the usual case, and cheap),
 * else its closest approximate ones (up to a quarter of it edited); at most {@link MAX_CONTEXT_SITES},
 * the nearest to the old position.
 */
function findContextSites(folded: string, context: string, hint: number | undefined): Candidate[] {
  if (context.length < MIN_SEARCHED_CONTEXT) return [];
  const verbatim: Candidate[] = [];
  for (let at = folded.indexOf(context); at !== -1; at = folded.indexOf(context, at + 1)) {
    verbatim.push({ start: at, end: at + context.length, errors: 0 });
  }
  const sites = verbatim.length > 0 ? verbatim : searchIn(folded, 0, folded.length, context, Math.floor(context.length / 4));
  return nearest(sites, hint, MAX_CONTEXT_SITES);
}

/** Where the stored prefix and suffix are in the text. */
export interface ContextSites {
  prefix: Candidate[];
  suffix: Candidate[];
}

export function findSites(folded: string, context: PlacementContext): ContextSites {
  return {
    prefix: findContextSites(folded, context.foldedPrefix, context.hint),
    suffix: findContextSites(folded, context.foldedSuffix, context.hint),
  };
}

/**
 * The usual edit inside a claim leaves its context in place: the text between where the prefix ends and
 * where the suffix starts, both verbatim, is the claim, whatever was inserted or deleted in it (up to
 * twice its length and a bit). Only context found verbatim marks a boundary exactly.
 */
export function bracketedCandidates(folded: string, quote: string, sites: ContextSites): Candidate[] {
  const candidates: Candidate[] = [];
  const verbatim = (site: Candidate) => site.errors === 0;
  for (const before of sites.prefix.filter(verbatim)) {
    for (const after of sites.suffix.filter(verbatim)) {
      const length = after.start - before.end;
      if (length <= 0 || length > 2 * quote.length + BRACKET_GROWTH) continue;
      const errors = editDistance(quote, folded.slice(before.end, after.start)) ?? Math.max(length, quote.length);
      candidates.push({ start: before.end, end: after.start, errors });
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
export function besideContextCandidates(folded: string, quote: string, maxErrors: number, sites: ContextSites): Candidate[] {
  const candidates: Candidate[] = [];
  const span = quote.length + maxErrors;
  for (const site of sites.prefix) candidates.push(...searchIn(folded, site.end, site.end + span, quote, maxErrors));
  for (const site of sites.suffix) candidates.push(...searchIn(folded, site.start - span, site.start, quote, maxErrors));
  return candidates;
}

/** The nearest `boundary` within `reach` of `from` where `anchor` ends (`"end"`) or starts (`"start"`). */
function nearestAnchor(folded: string, anchor: string, from: number, reach: number, edge: "start" | "end"): number | undefined {
  const offset = edge === "end" ? anchor.length : 0;
  let best: number | undefined;
  for (let at = folded.indexOf(anchor, Math.max(0, from - reach - offset)); at !== -1; at = folded.indexOf(anchor, at + 1)) {
    const boundary = at + offset;
    if (boundary > from + reach) break;
    if (best === undefined || Math.abs(boundary - from) < Math.abs(best - from)) best = boundary;
  }
  return best;
}

/**
 * A fuzzy match with its boundaries moved to where the context says they are: the nearest place within
 * reach where the last characters of the prefix end (or the first of the suffix begin) verbatim.
 * Approximate search otherwise drops a quote's edited first or last words from the match (fewer errors
 * that way). `undefined` when nothing moves.
 */
export function alignToContext(folded: string, quote: string, candidate: Candidate, context: PlacementContext, maxErrors: number): Candidate | undefined {
  const reach = Math.min(MAX_BOUNDARY_SHIFT, 2 * maxErrors);
  let { start, end } = candidate;
  const tail = context.foldedPrefix.slice(-BOUNDARY_ANCHOR);
  if (tail.length === BOUNDARY_ANCHOR && !folded.startsWith(tail, start - tail.length)) {
    const moved = nearestAnchor(folded, tail, start, reach, "end");
    if (moved !== undefined && moved < end) start = moved;
  }
  const head = context.foldedSuffix.slice(0, BOUNDARY_ANCHOR);
  if (head.length === BOUNDARY_ANCHOR && !folded.startsWith(head, end)) {
    const moved = nearestAnchor(folded, head, end, reach, "start");
    if (moved !== undefined && moved > start) end = moved;
  }
  if (start === candidate.start && end === candidate.end) return undefined;
  // Each character a boundary moved is at most one more edit; measure exactly unless the quote is huge.
  const estimate = candidate.errors + Math.abs(start - candidate.start) + Math.abs(end - candidate.end);
  return { start, end, errors: editDistance(quote, folded.slice(start, end)) ?? estimate };
}

import { countCodePoints } from "./code-points";
import { describeTextRange } from "./describe";
import { findExactOccurrences, hasExactContext } from "./exact-quote";
import { resolvePosition } from "./position";
import type {
  ClaimSelectors,
  PartialClaimSelectors,
  TextPositionSelector,
  TextQuoteSelector,
  Utf16Range,
} from "./types";

/** Longest claim accepted, in code points: a claim is a passage, not a whole document. */
export const MAX_CLAIM_LENGTH = 5_000;

/** Why submitted selectors were rejected. */
export type SelectorErrorCode =
  /** Neither a quote nor a position was submitted. */
  | "missing_selector"
  /** Position `start`/`end` are not integers, or `end < start`. */
  | "invalid_position"
  /** Position starts before 0 or ends past the end of the text. */
  | "position_out_of_range"
  /** The range is empty or holds only whitespace. */
  | "empty_selection"
  /** The range is longer than {@link MAX_CLAIM_LENGTH}. */
  | "too_long"
  /** The text at the submitted position is not the submitted quote. */
  | "quote_mismatch"
  /** The submitted prefix/suffix are not the text around the selection. */
  | "context_mismatch"
  /** The quote (submitted without a position) does not occur in the text. */
  | "quote_not_found"
  /** The quote occurs several times and its prefix/suffix do not single one out. */
  | "quote_ambiguous";

/** Why submitted selectors were rejected, with a message fit to show the user. */
export interface SelectorRejection {
  ok: false;
  code: SelectorErrorCode;
  message: string;
}

/** Result of {@link resolveSubmittedSelectors}. `range` is in UTF-16 offsets. */
export type SubmittedSelectorsResult =
  | { ok: true; range: Utf16Range; selectors: ClaimSelectors }
  | SelectorRejection;

type Located = { ok: true; range: Utf16Range } | SelectorRejection;

const MESSAGES: Record<SelectorErrorCode, string> = {
  missing_selector: "Send a quote selector, a position selector or both.",
  invalid_position: "The position's start and end must be integers with start <= end.",
  position_out_of_range: "The position lies outside the document.",
  empty_selection: "The selection is empty or only whitespace.",
  too_long: `A claim may be at most ${MAX_CLAIM_LENGTH} characters long.`,
  quote_mismatch: "The text at the given position is not the quoted text.",
  context_mismatch: "The text around the selection does not match the quote's prefix/suffix.",
  quote_not_found: "The quoted text does not occur in the document.",
  quote_ambiguous: "The quoted text occurs more than once; send a position or more context.",
};

function reject(code: SelectorErrorCode): SelectorRejection {
  return { ok: false, code, message: MESSAGES[code] };
}

/** The range a position denotes; with a quote, the text and context there must be the quote's. */
function locateByPosition(
  text: string,
  position: TextPositionSelector,
  quote: TextQuoteSelector | undefined,
): Located {
  const resolved = resolvePosition(text, position);
  if (!resolved.ok) return reject(resolved.problem);
  const { range } = resolved;
  if (quote && text.slice(range.start, range.end) !== quote.exact) return reject("quote_mismatch");
  if (quote && !hasExactContext(text, range, quote)) return reject("context_mismatch");
  return { ok: true, range };
}

/** The one occurrence of a quote whose context fits, when it was submitted without a position. */
function locateByQuote(text: string, quote: TextQuoteSelector): Located {
  const occurrences = findExactOccurrences(text, quote.exact).map((start) => ({
    start,
    end: start + quote.exact.length,
  }));
  if (occurrences.length === 0) return reject("quote_not_found");
  const fitting = occurrences.filter((range) => hasExactContext(text, range, quote));
  const [range] = fitting;
  if (range === undefined) return reject("context_mismatch");
  if (fitting.length > 1) return reject("quote_ambiguous");
  return { ok: true, range };
}

/**
 * Checks the selectors a client submitted for a new claim against the document text and returns
 * the range they denote, with canonical selectors recomputed from the text (never the client's).
 *
 * Strict, because the client is not trusted and what is stored must anchor exactly:
 * - a position must lie inside the text; with a quote, the text there must equal `exact`;
 * - a quote without a position must occur exactly once among the places its context fits;
 * - a submitted prefix/suffix must be exactly the text before/after the range (it may be shorter
 *   than `CONTEXT_LENGTH`, never different);
 * - the range must not be empty, whitespace-only or longer than {@link MAX_CLAIM_LENGTH}.
 *
 * Nothing is trimmed or adjusted: a selection with stray whitespace is stored as sent.
 * The shape of `selectors` is expected to be validated already (zod at the route).
 */
export function resolveSubmittedSelectors(
  text: string,
  { quote, position }: PartialClaimSelectors,
): SubmittedSelectorsResult {
  // Cheap checks on the quote first, so an oversized quote is never searched for.
  if (quote && quote.exact.trim() === "") return reject("empty_selection");
  if (quote && countCodePoints(quote.exact) > MAX_CLAIM_LENGTH) return reject("too_long");

  const located = position
    ? locateByPosition(text, position, quote)
    : quote
      ? locateByQuote(text, quote)
      : reject("missing_selector");
  if (!located.ok) return located;

  const { range } = located;
  const selected = text.slice(range.start, range.end);
  if (selected.trim() === "") return reject("empty_selection");
  if (countCodePoints(selected) > MAX_CLAIM_LENGTH) return reject("too_long");
  return { ok: true, range, selectors: describeTextRange(text, range) };
}

/**
 * How well a stored prefix or suffix agrees with the text beside a candidate occurrence of a quote.
 *
 * The comparison is an edit distance anchored at the quote: the context must start right at the quote's
 * edge (characters inserted there cost one each), while its far end may fall anywhere within twice its
 * length (so text inserted or deleted beside the quote costs what was inserted or deleted, not twice that).
 * Similarity is `1 - distance / length`. Callers pass folded text (see `foldText`), so typographic quotes,
 * dashes and case do not count as edits.
 *
 * On the seed article, the context of one occurrence of a repeated phrase scores 0.1–0.6 at another
 * occurrence; at its own occurrence with a word inserted on each side it still scores 0.76–0.83, and 0.95
 * with parentheses around the phrase.
 */

/** Context characters compared at most per side, nearest the quote first (stored context is 32). */
export const MAX_CONTEXT_COMPARED = 64;

// Two reusable rows of the dynamic-programming matrix (the text side is at most 2 × 64 + 1 long).
let previousRow = new Int32Array(2 * MAX_CONTEXT_COMPARED + 1);
let currentRow = new Int32Array(2 * MAX_CONTEXT_COMPARED + 1);

/**
 * Edit distance between `pattern` read outward from the quote and `text` read outward from `edge`, where
 * `step` is -1 (the prefix: reading leftwards from `edge - 1`) or +1 (the suffix: rightwards from `edge`).
 * `pattern` is given in reading order (for a prefix: its last character first).
 */
function anchoredDistance(
  text: string,
  edge: number,
  step: -1 | 1,
  patternAt: (index: number) => number,
  patternLength: number,
): number {
  const available = step === 1 ? text.length - edge : edge;
  const width = Math.min(available, 2 * patternLength);
  if (previousRow.length < width + 1) {
    previousRow = new Int32Array(width + 1);
    currentRow = new Int32Array(width + 1);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let column = 0; column <= width; column++) previous[column] = column;
  for (let row = 1; row <= patternLength; row++) {
    const expected = patternAt(row - 1);
    current[0] = row;
    for (let column = 1; column <= width; column++) {
      const actual = text.charCodeAt(step === 1 ? edge + column - 1 : edge - column);
      const substitute = previous[column - 1]! + (actual === expected ? 0 : 1);
      const skipPattern = previous[column]! + 1;
      const skipText = current[column - 1]! + 1;
      current[column] = Math.min(substitute, skipPattern, skipText);
    }
    [previous, current] = [current, previous];
  }
  let best = previous[0]!;
  for (let column = 1; column <= width; column++) best = Math.min(best, previous[column]!);
  return best;
}

/** What stored context says about one candidate range. */
export interface ContextAgreement {
  /**
   * Similarity in 0..1 of the stored prefix and suffix together to the text around the range, each side
   * weighted by its length (so a 3-character prefix at the start of the text counts for little);
   * `undefined` when neither is stored.
   */
  score: number | undefined;
  /**
   * Whether one side of at least {@link MIN_SIDE_LENGTH} characters is there verbatim (after folding).
   * Nearly is not enough: with a sentence deleted, "de belasting" before " verlagen. Economen vinden"
   * scores 0.9 against a stored " verhogen. Economen vinden" (another occurrence, another statement).
   */
  oneSideHolds: boolean;
}

/** Shortest stored side that can on its own vouch for a place (half the stored context). */
export const MIN_SIDE_LENGTH = 16;

/** Edit distance of `prefix` (at most {@link MAX_CONTEXT_COMPARED} characters) to the text ending at `end`. */
function prefixDistance(text: string, end: number, prefix: string): number {
  const last = prefix.length - 1;
  return anchoredDistance(text, end, -1, (index) => prefix.charCodeAt(last - index), prefix.length);
}

/** Edit distance of `suffix` (at most {@link MAX_CONTEXT_COMPARED} characters) to the text from `start`. */
function suffixDistance(text: string, start: number, suffix: string): number {
  return anchoredDistance(text, start, 1, (index) => suffix.charCodeAt(index), suffix.length);
}

/** Similarity in 0..1 of a (folded, trimmed) prefix to the text ending at `end`; `undefined` without one. */
export function prefixSimilarity(text: string, end: number, prefix: string): number | undefined {
  return prefix.length === 0 ? undefined : Math.max(0, 1 - prefixDistance(text, end, prefix) / prefix.length);
}

/** Similarity in 0..1 of a (folded, trimmed) suffix to the text from `start`; `undefined` without one. */
export function suffixSimilarity(text: string, start: number, suffix: string): number | undefined {
  return suffix.length === 0 ? undefined : Math.max(0, 1 - suffixDistance(text, start, suffix) / suffix.length);
}

/** Trims stored context to what is compared: the characters nearest the quote. */
export function comparedPrefix(prefix: string | undefined): string {
  return (prefix ?? "").slice(-MAX_CONTEXT_COMPARED);
}

/** Trims stored context to what is compared: the characters nearest the quote. */
export function comparedSuffix(suffix: string | undefined): string {
  return (suffix ?? "").slice(0, MAX_CONTEXT_COMPARED);
}

/**
 * How well `prefix` and `suffix` (folded, trimmed with {@link comparedPrefix}/{@link comparedSuffix})
 * agree with the folded text before `start` and after `end`.
 */
export function scoreContext(
  foldedText: string,
  start: number,
  end: number,
  prefix: string,
  suffix: string,
): ContextAgreement {
  const length = prefix.length + suffix.length;
  if (length === 0) return { score: undefined, oneSideHolds: false };
  const before = prefix.length === 0 ? 0 : prefixDistance(foldedText, start, prefix);
  const after = suffix.length === 0 ? 0 : suffixDistance(foldedText, end, suffix);
  const holds = (distance: number, sideLength: number) => sideLength >= MIN_SIDE_LENGTH && distance === 0;
  return {
    score: Math.max(0, 1 - (before + after) / length),
    oneSideHolds: holds(before, prefix.length) || holds(after, suffix.length),
  };
}

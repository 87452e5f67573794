import { codePointOffsetToIndex } from "./code-points";
import { findExactOccurrences } from "./exact-quote";
import { foldText } from "./fold-text";

/**
 * A text to anchor claims in, with what every claim needs computed at most once and only when first asked
 * for: the folded text (fuzzy and context comparisons), code point ↔ UTF-16 conversion, and the verbatim
 * occurrences of each distinct quote. `reanchorClaims` shares one across all claims; `anchorClaim` makes a
 * fresh one per call, which costs nothing it does not use.
 */
export interface PreparedText {
  readonly text: string;
  /** `foldText(text)`: same length, offsets shared with `text`. */
  folded(): string;
  /** Number of code points (the largest valid TextPositionSelector offset). */
  codePointCount(): number;
  /** UTF-16 index of a code point offset in `0..codePointCount()`. */
  indexOfCodePoint(offset: number): number;
  /** UTF-16 start of every verbatim occurrence of `exact`, overlapping ones included (do not mutate). */
  occurrences(exact: string): readonly number[];
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Whether a surrogate pair (one astral code point) starts at UTF-16 index `index`. */
function isPairAt(text: string, index: number): boolean {
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

/** UTF-16 index of every code point offset 0..n (a lone surrogate counts as one, as in code-points.ts). */
function buildCodePointTable(text: string): Uint32Array {
  const starts: number[] = [];
  for (let index = 0; index < text.length; index += isPairAt(text, index) ? 2 : 1) starts.push(index);
  starts.push(text.length);
  return Uint32Array.from(starts);
}

export function prepareText(text: string): PreparedText {
  let folded: string | undefined;
  const hasSurrogates = SURROGATE.test(text);
  let table: Uint32Array | undefined;
  const occurrences = new Map<string, number[]>();

  const codePointTable = () => (table ??= buildCodePointTable(text));
  return {
    text,
    folded: () => (folded ??= foldText(text)),
    codePointCount: () => (hasSurrogates ? codePointTable().length - 1 : text.length),
    indexOfCodePoint(offset) {
      if (!hasSurrogates) return offset;
      const index = codePointTable()[offset];
      // Out-of-range offsets are the caller's bug; fall back to the checked conversion, which throws.
      return index ?? codePointOffsetToIndex(text, offset);
    },
    occurrences(exact) {
      let starts = occurrences.get(exact);
      if (starts === undefined) {
        starts = findExactOccurrences(text, exact);
        occurrences.set(exact, starts);
      }
      return starts;
    },
  };
}

/**
 * Conversions between Unicode code point offsets (used by W3C selectors) and UTF-16 code unit
 * indices (used by JS strings and ProseMirror). They differ only after an astral character
 * (emoji, some CJK), which takes two UTF-16 units: a surrogate pair.
 *
 * A lone surrogate counts as one code point, as it does when iterating a string with `for…of`.
 */

const SURROGATE = /[\uD800-\uDFFF]/;

// Callers convert offsets in the same document text many times in a row; scanning 6 KB of text for surrogates
// each time was a measurable share of creating a claim (docs/benchmarks.md). Remember the answer for the last text.
let lastScannedText: string | undefined;
let lastTextHasSurrogates = false;

/** Whether `text` contains any surrogate (so offsets in code points and in UTF-16 can differ). */
function hasSurrogates(text: string): boolean {
  if (text !== lastScannedText) {
    lastTextHasSurrogates = SURROGATE.test(text);
    lastScannedText = text;
  }
  return lastTextHasSurrogates;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether a surrogate pair starts at UTF-16 index `index`. */
function isPairAt(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
}

function assertIndex(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} ${value} is not an integer in 0..${max}`);
  }
}

/** Whether `index` falls between the two halves of a surrogate pair. */
export function isInsideSurrogatePair(text: string, index: number): boolean {
  return index > 0 && index < text.length && isPairAt(text, index - 1);
}

/**
 * Moves a UTF-16 index that falls inside a surrogate pair to the pair's start (`"backward"`) or
 * end (`"forward"`). Any other index is returned unchanged.
 */
export function snapToCodePointBoundary(
  text: string,
  index: number,
  direction: "backward" | "forward",
): number {
  if (!isInsideSurrogatePair(text, index)) return index;
  return direction === "backward" ? index - 1 : index + 1;
}

/**
 * Converts a code point offset into a UTF-16 index.
 *
 * @throws RangeError when `codePointOffset` is not an integer in 0..(code points in `text`).
 */
export function codePointOffsetToIndex(text: string, codePointOffset: number): number {
  assertIndex(codePointOffset, text.length, "Code point offset");
  if (!hasSurrogates(text)) return codePointOffset;
  let index = 0;
  for (let count = 0; count < codePointOffset; count++) {
    if (index >= text.length) {
      throw new RangeError(`Code point offset ${codePointOffset} is past the end of the text`);
    }
    index += isPairAt(text, index) ? 2 : 1;
  }
  return index;
}

/**
 * Converts a UTF-16 index into a code point offset. An index inside a surrogate pair maps to the
 * offset of that pair's code point (it is rounded down to the character it splits).
 *
 * @throws RangeError when `index` is not an integer in 0..text.length.
 */
export function indexToCodePointOffset(text: string, index: number): number {
  assertIndex(index, text.length, "Index");
  if (!hasSurrogates(text)) return index;
  let count = 0;
  let i = 0;
  while (i < index) {
    const width = isPairAt(text, i) ? 2 : 1;
    if (i + width > index) break; // `index` splits this pair: don't count it
    i += width;
    count++;
  }
  return count;
}

/** Number of code points in `text` (what a TextPositionSelector's `end` can be at most). */
export function countCodePoints(text: string): number {
  return indexToCodePointOffset(text, text.length);
}

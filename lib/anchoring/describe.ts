import { indexToCodePointOffset, snapToCodePointBoundary } from "./code-points";
import type { ClaimSelectors, Utf16Range } from "./types";

/** How much context (in UTF-16 code units) a quote selector keeps on either side of the quote. */
export const CONTEXT_LENGTH = 32;

/**
 * Describes a range of `text` with the selectors stored for a claim: the quote with up to
 * {@link CONTEXT_LENGTH} units of context either side, and its code point position.
 *
 * A range edge that falls inside a surrogate pair is widened to take in the whole character, and
 * the context is shortened rather than cut through one.
 *
 * @param range - UTF-16 offsets, `0 <= start < end <= text.length`.
 * @throws RangeError when the range is empty, inverted, out of bounds or not made of integers.
 */
export function describeTextRange(text: string, range: Utf16Range): ClaimSelectors {
  const { start: rawStart, end: rawEnd } = range;
  if (!Number.isInteger(rawStart) || !Number.isInteger(rawEnd)) {
    throw new RangeError(`Range ${rawStart}..${rawEnd} is not made of integers`);
  }
  if (rawStart < 0 || rawEnd > text.length || rawStart >= rawEnd) {
    throw new RangeError(
      `Range ${rawStart}..${rawEnd} is empty, inverted or outside 0..${text.length}`,
    );
  }
  const start = snapToCodePointBoundary(text, rawStart, "backward");
  const end = snapToCodePointBoundary(text, rawEnd, "forward");
  const prefixStart = snapToCodePointBoundary(text, Math.max(0, start - CONTEXT_LENGTH), "forward");
  const suffixEnd = snapToCodePointBoundary(
    text,
    Math.min(text.length, end + CONTEXT_LENGTH),
    "backward",
  );

  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    position: {
      type: "TextPositionSelector",
      start: indexToCodePointOffset(text, start),
      end: indexToCodePointOffset(text, end),
    },
  };
}

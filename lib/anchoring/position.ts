import { codePointOffsetToIndex, countCodePoints } from "./code-points";
import type { TextPositionSelector, Utf16Range } from "./types";

/** Why a position selector does not describe a non-empty range of the text. */
export type PositionProblem = "invalid_position" | "position_out_of_range" | "empty_selection";

/** A position selector turned into UTF-16 offsets, or what is wrong with it. */
export type ResolvedPosition =
  | { ok: true; range: Utf16Range }
  | { ok: false; problem: PositionProblem };

/**
 * Converts a position selector (code points) into a non-empty UTF-16 range of `text`, without
 * trusting it: stored or submitted data may hold anything.
 *
 * - `invalid_position`: `start`/`end` are not integers, or `end < start`
 * - `position_out_of_range`: `start < 0` or `end` is past the end of the text
 * - `empty_selection`: `start === end`
 */
export function resolvePosition(text: string, position: TextPositionSelector): ResolvedPosition {
  return resolvePositionWith(position, countCodePoints(text), (offset) => codePointOffsetToIndex(text, offset));
}

/**
 * {@link resolvePosition} for a text whose code point count and offset conversion the caller already has
 * (see `prepareText`).
 */
export function resolvePositionWith(
  position: TextPositionSelector,
  codePointCount: number,
  indexOfCodePoint: (offset: number) => number,
): ResolvedPosition {
  const { start, end } = position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || end < start) {
    return { ok: false, problem: "invalid_position" };
  }
  if (start < 0 || end > codePointCount) {
    return { ok: false, problem: "position_out_of_range" };
  }
  if (start === end) return { ok: false, problem: "empty_selection" };
  return { ok: true, range: { start: indexOfCodePoint(start), end: indexOfCodePoint(end) } };
}

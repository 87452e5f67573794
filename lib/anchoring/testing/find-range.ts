// Test support: locate text in a document so test tables read as quotes, not magic offsets.
import type { Utf16Range } from "../types";

/**
 * UTF-16 range of the `occurrence`-th (0-based) appearance of `needle` in `text`.
 * Throws when there is no such appearance, so a table fails loudly if the fixture changes.
 */
export function findRange(text: string, needle: string, occurrence = 0): Utf16Range {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    start = text.indexOf(needle, start + 1);
    if (start === -1) {
      throw new Error(`${JSON.stringify(needle)} occurs fewer than ${occurrence + 1} times`);
    }
  }
  return { start, end: start + needle.length };
}

/** Replaces the `occurrence`-th appearance of `needle` in `text`; throws when it is absent. */
export function replaceInText(
  text: string,
  needle: string,
  replacement: string,
  occurrence = 0,
): string {
  const { start, end } = findRange(text, needle, occurrence);
  return text.slice(0, start) + replacement + text.slice(end);
}

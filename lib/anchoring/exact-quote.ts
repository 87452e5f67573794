import type { TextQuoteSelector, Utf16Range } from "./types";

type QuoteContext = Pick<TextQuoteSelector, "prefix" | "suffix">;

/** UTF-16 start of every verbatim occurrence of `exact` in `text`, overlapping ones included. */
export function findExactOccurrences(text: string, exact: string): number[] {
  const starts: number[] = [];
  if (exact.length === 0) return starts;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    starts.push(at);
  }
  return starts;
}

/**
 * Whether the text around `range` is exactly the quote's context: `prefix` ends where the range
 * starts and `suffix` begins where it ends. Context may be shorter than what is available; a
 * missing or empty prefix or suffix always agrees.
 */
export function hasExactContext(text: string, range: Utf16Range, context: QuoteContext): boolean {
  const prefix = context.prefix ?? "";
  const suffix = context.suffix ?? "";
  return (
    prefix.length <= range.start &&
    text.startsWith(prefix, range.start - prefix.length) &&
    text.startsWith(suffix, range.end)
  );
}

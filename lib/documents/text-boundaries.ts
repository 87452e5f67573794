/**
 * Sentence and word boundaries in a document's plain text (lib/documents/text-index.ts), found with
 * `Intl.Segmenter` in the text's language: the keyboard's "extend the selection by a sentence" and the rule that
 * a selection made with the keyboard covers whole words. Where a sentence ends ("o.a.", "Dhr.", "e.g.") is
 * Intl's business, not ours. Pure; offsets are UTF-16 offsets into the text.
 */

/** A selection by its fixed end (`anchor`) and the end that moves (`head`); `head < anchor` runs backwards. */
export type TextSelectionEnds = { anchor: number; head: number };

/** A stretch of the text, `start` inclusive, `end` exclusive. */
export type TextSpan = { start: number; end: number };

export type SentenceDirection = "forward" | "backward";

const segmenters = new Map<string, Intl.Segmenter>();

/** One segmenter per language and granularity; a tag Intl does not accept falls back to the runtime's language. */
function getSegmenter(locale: string, granularity: "sentence" | "word"): Intl.Segmenter {
  const key = `${locale}\u0000${granularity}`;
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(locale, { granularity });
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      segmenter = new Intl.Segmenter(undefined, { granularity });
    }
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

let lastSentences: { text: string; locale: string; spans: TextSpan[] } | null = null;

/**
 * The sentences of `text` in reading order, each without the whitespace around it (a paragraph break ends a
 * sentence too, so a heading without a full stop is a sentence of its own). Remembers the last text it split,
 * since every key press asks about the same article.
 */
export function getSentenceSpans(text: string, locale: string): TextSpan[] {
  if (lastSentences && lastSentences.text === text && lastSentences.locale === locale) return lastSentences.spans;
  const spans: TextSpan[] = [];
  for (const { segment, index } of getSegmenter(locale, "sentence").segment(text)) {
    const start = index + (segment.length - segment.trimStart().length);
    const end = index + segment.trimEnd().length;
    if (end > start) spans.push({ start, end });
  }
  lastSentences = { text, locale, spans };
  return spans;
}

/**
 * Moves a selection's head by one sentence (Shift+Alt+→ / Shift+Alt+←); the anchor stays.
 *
 * Forward from a head at or after the anchor: to the end of the sentence the head is in, or of the next one when it
 * is at a sentence's end already. Backward from a head before or at the anchor: to the start of its sentence, or of
 * the one before. Against the selection's direction the selection shrinks, a sentence at a time, down to the anchor
 * and never past it: the next press in the same direction then grows it the other way.
 */
export function extendBySentence(text: string, selection: TextSelectionEnds, direction: SentenceDirection, locale: string): TextSelectionEnds {
  const { anchor, head } = selection;
  const spans = getSentenceSpans(text, locale);
  if (direction === "forward") {
    if (head < anchor) {
      const nextStart = spans.find((span) => span.start > head)?.start ?? anchor;
      return { anchor, head: Math.min(nextStart, anchor) };
    }
    return { anchor, head: spans.find((span) => span.end > head)?.end ?? head };
  }
  if (head > anchor) {
    const previousEnd = spans.findLast((span) => span.end < head)?.end ?? anchor;
    return { anchor, head: Math.max(previousEnd, anchor) };
  }
  return { anchor, head: spans.findLast((span) => span.start < head)?.start ?? head };
}

/**
 * A selection made with the keyboard, grown to whole words: an end that falls inside a word moves to that word's
 * edge, and whitespace at either end is left out. A selection of only whitespace, or an empty one, is returned as
 * it is. Punctuation next to a word is kept when selected, and not added when not.
 */
export function snapToWords(text: string, span: TextSpan, locale: string): TextSpan {
  let { start, end } = span;
  if (end <= start) return span;
  const segments = getSegmenter(locale, "word").segment(text);
  const atStart = segments.containing(start);
  if (atStart?.isWordLike && atStart.index < start) start = atStart.index;
  const atEnd = segments.containing(end - 1);
  if (atEnd?.isWordLike && atEnd.index + atEnd.segment.length > end) end = atEnd.index + atEnd.segment.length;
  while (start < end && /\s/u.test(text[start]!)) start += 1;
  while (end > start && /\s/u.test(text[end - 1]!)) end -= 1;
  return end > start ? { start, end } : span;
}

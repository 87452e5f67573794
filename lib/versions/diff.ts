/**
 * What changed between two versions of a document's text, paragraph by paragraph and word by word. Pure; shared by
 * the server (the compare page computes it) and the browser (which renders it); unit-tested in diff.test.ts.
 *
 * 1. The texts are cut into paragraphs (the document text's blocks, joined by a blank line: lib/documents/text-index)
 *    and the paragraphs aligned with jsdiff's `diffArrays` (Myers), compared by their words (lib/versions/diff-tokens).
 * 2. In each run of removed and added paragraphs, a removed paragraph is paired with the added one most like it
 *    (shared words, in order); a pair is diffed word by word, the rest are whole paragraphs deleted or inserted.
 * 3. A deleted paragraph that comes back word for word elsewhere is marked as moved (both ends), not as an edit.
 *
 * Diffing word by word inside aligned paragraphs, rather than the whole text at once, measured 3–4× faster on a
 * 10,000-word article (docs/benchmarks.md, "Diff") and keeps every change inside its paragraph. Texts so different
 * that Myers would take long (its cost grows with the number of edits) are cut short by a time budget: what is left
 * is shown as whole paragraphs replaced, and `isComplete` says so.
 */
import { diffArrays } from "diff";

import { blockSeparator } from "@/lib/documents/text-index";
import { countWords, isWhitespace, isWordToken, paragraphKey, tokenize, tokenKey } from "@/lib/versions/diff-tokens";

export type DiffSegment = { kind: "equal" | "insert" | "delete"; text: string };

/** One paragraph of the comparison; `before` / `after` number the paragraphs (from 0) of the older / newer text. */
export type DiffParagraph =
  | { kind: "equal"; before: number; after: number; text: string }
  | { kind: "changed"; before: number; after: number; segments: DiffSegment[] }
  /** `movedTo`: the paragraph came back unchanged at that place of the newer text. */
  | { kind: "deleted"; before: number; text: string; movedTo: number | null }
  /** `movedFrom`: the paragraph was at that place of the older text. */
  | { kind: "inserted"; after: number; text: string; movedFrom: number | null };

export type DiffStats = {
  wordsAdded: number;
  wordsRemoved: number;
  /** Paragraphs changed, inserted or deleted (a moved paragraph is counted in `paragraphsMoved` instead). */
  paragraphsChanged: number;
  paragraphsMoved: number;
  /** Paragraphs that are not `equal`: the stops of "next change". */
  changes: number;
};

export type TextDiff = {
  paragraphs: DiffParagraph[];
  stats: DiffStats;
  /** False when the time budget ran out and some paragraphs are shown as replaced whole, not word by word. */
  isComplete: boolean;
};

export type DiffOptions = {
  /** The most time the word-level comparison may take before the rest is shown paragraph by paragraph (ms). */
  budgetMs?: number;
};

/** A removed and an added paragraph are the same paragraph, edited, when at least this share of their words agree. */
const pairingSimilarity = 0.4;
/** How far ahead in a run of added paragraphs a removed paragraph looks for its edited self. */
const pairingWindow = 24;

type Paragraph = { index: number; text: string; key: string };

function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const part of text.split(blockSeparator)) {
    const key = paragraphKey(part);
    // Empty blocks hold no words to compare; they are left out of both sides.
    if (key !== "") paragraphs.push({ index: paragraphs.length, text: part, key });
  }
  return paragraphs;
}

/** The share of words two paragraphs have in common (Dice coefficient over their lower-cased words). */
function similarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of b) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(word, count - 1);
    }
  }
  return (2 * shared) / (a.length + b.length);
}

const wordsOf = (paragraph: Paragraph) => tokenize(paragraph.key.toLowerCase()).filter(isWordToken);

/** Adjacent segments of one kind joined; whitespace between two edits folded into them ("−the quick +a slow"). */
function tidySegments(raw: DiffSegment[]): DiffSegment[] {
  const result: DiffSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) result.push({ kind: "delete", text: deleted });
    if (inserted) result.push({ kind: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  raw.forEach((segment, index) => {
    if (segment.kind === "delete") deleted += segment.text;
    else if (segment.kind === "insert") inserted += segment.text;
    else if ((deleted || inserted) && isWhitespace(segment.text) && raw[index + 1] && raw[index + 1]!.kind !== "equal") {
      deleted += segment.text;
      inserted += segment.text;
    } else {
      flush();
      const last = result.at(-1);
      if (last?.kind === "equal") last.text += segment.text;
      else result.push({ kind: "equal", text: segment.text });
    }
  });
  flush();
  return result;
}

/**
 * Two paragraphs word by word, or null when the budget ran out. The common start and end are cut off first (most
 * edits touch a few words of a paragraph), so Myers only sees the part that differs.
 */
function diffWords(before: string, after: string, deadline: number): DiffSegment[] | null {
  const oldTokens = tokenize(before);
  const newTokens = tokenize(after);
  const oldKeys = oldTokens.map(tokenKey);
  const newKeys = newTokens.map(tokenKey);
  let start = 0;
  while (start < oldKeys.length && start < newKeys.length && oldKeys[start] === newKeys[start]) start += 1;
  let oldEnd = oldKeys.length;
  let newEnd = newKeys.length;
  while (oldEnd > start && newEnd > start && oldKeys[oldEnd - 1] === newKeys[newEnd - 1]) {
    oldEnd -= 1;
    newEnd -= 1;
  }
  const remaining = deadline - performance.now();
  const changes = remaining > 0 ? diffArrays(oldKeys.slice(start, oldEnd), newKeys.slice(start, newEnd), { timeout: remaining }) : undefined;
  if (!changes) return null;
  // Equal stretches take the newer text's tokens (whitespace and composed forms may differ from the older's).
  const raw: DiffSegment[] = [{ kind: "equal", text: newTokens.slice(0, start).join("") }];
  let oldAt = start;
  let newAt = start;
  for (const change of changes) {
    if (change.removed) {
      raw.push({ kind: "delete", text: oldTokens.slice(oldAt, oldAt + change.count).join("") });
      oldAt += change.count;
    } else if (change.added) {
      raw.push({ kind: "insert", text: newTokens.slice(newAt, newAt + change.count).join("") });
      newAt += change.count;
    } else {
      raw.push({ kind: "equal", text: newTokens.slice(newAt, newAt + change.count).join("") });
      oldAt += change.count;
      newAt += change.count;
    }
  }
  raw.push({ kind: "equal", text: newTokens.slice(newEnd).join("") });
  return tidySegments(raw.filter((segment) => segment.text !== ""));
}

/** One run of removed and added paragraphs: pairs of edited paragraphs, and the others deleted or inserted. */
function diffRun(removed: Paragraph[], added: Paragraph[], deadline: number, out: DiffParagraph[]): boolean {
  let isComplete = true;
  const addedWords = added.map(wordsOf);
  let next = 0;
  for (const paragraph of removed) {
    const words = wordsOf(paragraph);
    let best = -1;
    let bestScore = pairingSimilarity;
    for (let candidate = next; candidate < Math.min(added.length, next + pairingWindow); candidate += 1) {
      const score = similarity(words, addedWords[candidate]!);
      if (score > bestScore || (best === -1 && score === bestScore)) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best === -1) {
      out.push({ kind: "deleted", before: paragraph.index, text: paragraph.text, movedTo: null });
      continue;
    }
    for (; next < best; next += 1) out.push({ kind: "inserted", after: added[next]!.index, text: added[next]!.text, movedFrom: null });
    const partner = added[best]!;
    next = best + 1;
    const segments = diffWords(paragraph.text, partner.text, deadline);
    if (!segments) {
      isComplete = false;
      out.push({ kind: "deleted", before: paragraph.index, text: paragraph.text, movedTo: null });
      out.push({ kind: "inserted", after: partner.index, text: partner.text, movedFrom: null });
    } else if (segments.every((segment) => segment.kind === "equal")) {
      // Only whitespace or Unicode composition differed: nothing a reader would call a change.
      out.push({ kind: "equal", before: paragraph.index, after: partner.index, text: partner.text });
    } else {
      out.push({ kind: "changed", before: paragraph.index, after: partner.index, segments });
    }
  }
  for (; next < added.length; next += 1) out.push({ kind: "inserted", after: added[next]!.index, text: added[next]!.text, movedFrom: null });
  return isComplete;
}

/** Deleted paragraphs that come back unchanged elsewhere, marked at both ends. */
function markMoves(paragraphs: DiffParagraph[], keysBefore: readonly Paragraph[], keysAfter: readonly Paragraph[]): void {
  const inserted = new Map<string, Extract<DiffParagraph, { kind: "inserted" }>[]>();
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== "inserted") continue;
    const key = keysAfter[paragraph.after]!.key;
    inserted.set(key, [...(inserted.get(key) ?? []), paragraph]);
  }
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== "deleted") continue;
    const partner = inserted.get(keysBefore[paragraph.before]!.key)?.shift();
    if (!partner) continue;
    paragraph.movedTo = partner.after;
    partner.movedFrom = paragraph.before;
  }
}

function countStats(paragraphs: readonly DiffParagraph[]): DiffStats {
  const stats: DiffStats = { wordsAdded: 0, wordsRemoved: 0, paragraphsChanged: 0, paragraphsMoved: 0, changes: 0 };
  for (const paragraph of paragraphs) {
    if (paragraph.kind === "equal") continue;
    stats.changes += 1;
    if (paragraph.kind === "changed") {
      stats.paragraphsChanged += 1;
      for (const segment of paragraph.segments) {
        if (segment.kind === "insert") stats.wordsAdded += countWords(segment.text);
        else if (segment.kind === "delete") stats.wordsRemoved += countWords(segment.text);
      }
    } else if (paragraph.kind === "inserted") {
      if (paragraph.movedFrom !== null) stats.paragraphsMoved += 1;
      else {
        stats.paragraphsChanged += 1;
        stats.wordsAdded += countWords(paragraph.text);
      }
    } else if (paragraph.movedTo === null) {
      stats.paragraphsChanged += 1;
      stats.wordsRemoved += countWords(paragraph.text);
    }
  }
  return stats;
}

/**
 * The comparison of an older text `before` with a newer text `after` (document texts: blocks joined by a blank
 * line), in reading order: equal paragraphs, paragraphs changed word by word, and paragraphs deleted, inserted or
 * moved. Joining the equal, deleted and delete segments gives `before` back paragraph by paragraph (up to
 * whitespace and Unicode composition); equal, inserted and insert segments give `after`.
 */
export function diffTexts(before: string, after: string, { budgetMs = 1_000 }: DiffOptions = {}): TextDiff {
  const deadline = performance.now() + budgetMs;
  const oldParagraphs = splitParagraphs(before);
  const newParagraphs = splitParagraphs(after);
  const aligned =
    diffArrays(
      oldParagraphs.map((paragraph) => paragraph.key),
      newParagraphs.map((paragraph) => paragraph.key),
      { timeout: budgetMs },
    ) ??
    // Too different to align in time: everything is one run, paired in order.
    [
      { removed: true, added: false, count: oldParagraphs.length, value: [] },
      { removed: false, added: true, count: newParagraphs.length, value: [] },
    ];

  const paragraphs: DiffParagraph[] = [];
  let isComplete = true;
  let oldAt = 0;
  let newAt = 0;
  let removed: Paragraph[] = [];
  let added: Paragraph[] = [];
  const flushRun = () => {
    if (removed.length > 0 || added.length > 0) isComplete = diffRun(removed, added, deadline, paragraphs) && isComplete;
    removed = [];
    added = [];
  };
  for (const change of aligned) {
    if (change.removed) {
      removed.push(...oldParagraphs.slice(oldAt, oldAt + change.count));
      oldAt += change.count;
    } else if (change.added) {
      added.push(...newParagraphs.slice(newAt, newAt + change.count));
      newAt += change.count;
    } else {
      flushRun();
      for (let offset = 0; offset < change.count; offset += 1) {
        const paragraph = newParagraphs[newAt + offset]!;
        paragraphs.push({ kind: "equal", before: oldAt + offset, after: paragraph.index, text: paragraph.text });
      }
      oldAt += change.count;
      newAt += change.count;
    }
  }
  flushRun();
  markMoves(paragraphs, oldParagraphs, newParagraphs);
  return { paragraphs, stats: countStats(paragraphs), isComplete };
}

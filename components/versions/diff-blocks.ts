/**
 * A comparison's paragraphs grouped for display: the changes, a little unchanged context around each, and the long
 * unchanged stretches between them folded away behind "show N unchanged paragraphs". Pure; unit-tested.
 */
import type { DiffParagraph } from "@/lib/versions/diff";

/** A paragraph as shown; `change` numbers the changed ones from 0 in reading order (the stops of "next change"). */
export type ShownParagraph = { paragraph: DiffParagraph; change: number | null; key: string };

export type DiffBlock =
  | { kind: "shown"; paragraphs: ShownParagraph[] }
  /** `id`: stable across renders, to remember which folds the reader opened. */
  | { kind: "folded"; id: string; paragraphs: ShownParagraph[] };

export type FoldOptions = {
  /** Unchanged paragraphs kept on each side of a change. */
  context?: number;
  /** The fewest unchanged paragraphs worth folding (fewer are shown as they are). */
  minimumFold?: number;
};

function keyOf(paragraph: DiffParagraph): string {
  switch (paragraph.kind) {
    case "deleted":
      return `d${paragraph.before}`;
    case "inserted":
      return `i${paragraph.after}`;
    default:
      return `p${paragraph.before}-${paragraph.after}`;
  }
}

/** The paragraphs in order, unchanged stretches beyond `context` of a change folded when at least `minimumFold` long. */
export function buildDiffBlocks(paragraphs: readonly DiffParagraph[], { context = 1, minimumFold = 3 }: FoldOptions = {}): DiffBlock[] {
  let change = 0;
  const shown: ShownParagraph[] = paragraphs.map((paragraph) => ({
    paragraph,
    change: paragraph.kind === "equal" ? null : change++,
    key: keyOf(paragraph),
  }));
  const blocks: DiffBlock[] = [];
  const pushShown = (items: ShownParagraph[]) => {
    if (items.length === 0) return;
    const last = blocks.at(-1);
    if (last?.kind === "shown") last.paragraphs.push(...items);
    else blocks.push({ kind: "shown", paragraphs: items });
  };
  let index = 0;
  while (index < shown.length) {
    if (shown[index]!.change !== null) {
      pushShown([shown[index]!]);
      index += 1;
      continue;
    }
    let end = index;
    while (end < shown.length && shown[end]!.change === null) end += 1;
    // An unchanged stretch [index, end): keep `context` next to the changes on either side of it.
    const keepBefore = index > 0 ? context : 0;
    const keepAfter = end < shown.length ? context : 0;
    const foldFrom = index + keepBefore;
    const foldTo = end - keepAfter;
    if (foldTo - foldFrom >= minimumFold) {
      pushShown(shown.slice(index, foldFrom));
      blocks.push({ kind: "folded", id: shown[foldFrom]!.key, paragraphs: shown.slice(foldFrom, foldTo) });
      pushShown(shown.slice(foldTo, end));
    } else {
      pushShown(shown.slice(index, end));
    }
    index = end;
  }
  return blocks;
}

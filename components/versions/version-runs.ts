/**
 * An older version's text blocks as runs, each with its emphasis and links (the text nodes' marks) and the claims
 * that covered it on that version, for drawing the claims' highlights as `<mark>` over read-only text. Pure;
 * unit-tested. Offsets are UTF-16 indices into the document text (lib/documents/text-index.ts).
 */
import type { Mark, TextBlockNode } from "@/lib/documents/content-schema";

/** Where a claim sat on the version. */
export type ClaimRange = { claimId: string; start: number; end: number };

/** A stretch of one text node covered by the same claims (innermost, i.e. shortest, first). */
export type TextRun = { text: string; marks: readonly Mark[]; claimIds: string[] };

/** One text block's runs, in order; `blockOffset` is where the block starts in the document text. */
export function buildBlockRuns(block: TextBlockNode, blockOffset: number, ranges: readonly ClaimRange[]): TextRun[] {
  const nodes = block.content ?? [];
  const blockLength = nodes.reduce((length, node) => length + node.text.length, 0);
  const inBlock = ranges.filter((range) => range.end > range.start && range.start < blockOffset + blockLength && range.end > blockOffset);
  const runs: TextRun[] = [];
  let nodeStart = 0;
  for (const node of nodes) {
    const nodeEnd = nodeStart + node.text.length;
    const cuts = new Set([nodeStart, nodeEnd]);
    for (const range of inBlock) {
      for (const edge of [range.start - blockOffset, range.end - blockOffset]) if (edge > nodeStart && edge < nodeEnd) cuts.add(edge);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let index = 0; index < points.length - 1; index += 1) {
      const from = points[index]!;
      const to = points[index + 1]!;
      const claimIds = inBlock
        .filter((range) => range.start <= blockOffset + from && range.end >= blockOffset + to)
        .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)
        .map((range) => range.claimId);
      runs.push({ text: node.text.slice(from - nodeStart, to - nodeStart), marks: node.marks ?? [], claimIds });
    }
    nodeStart = nodeEnd;
  }
  return runs;
}

/**
 * The public page's article as runs of text, each knowing which claims cover it, with a marker where each claim
 * ends (its number, icon and verdict). Pure; unit-tested. Offsets are UTF-16 indices into the document text, whose
 * blocks are joined by a blank line (lib/documents/text-index.ts).
 */
import { blockSeparator } from "@/lib/documents/text-index";

/** A claim's place in the text. */
export type ClaimRange = { claimId: string; start: number; end: number };

export type ArticlePiece =
  | { kind: "text"; text: string; claimIds: string[] }
  /** Where a claim ends: its verdict badge goes here. */
  | { kind: "marker"; claimId: string };

/**
 * Each block's pieces, in order. Claims covering a run are listed shortest first (the innermost claim gives the run
 * its colour). A claim's marker follows its last character; a claim that ends in the blank line between two blocks
 * gets its marker at the end of the block before.
 */
export function buildArticlePieces(blocks: readonly string[], ranges: readonly ClaimRange[]): ArticlePiece[][] {
  const valid = ranges.filter((range) => range.end > range.start);
  const blockStarts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    blockStarts.push(offset);
    offset += block.length + blockSeparator.length;
  }
  // The block each claim's marker goes in, and where in it.
  const markers = new Map<number, { claimId: string; at: number; start: number }[]>();
  for (const range of valid) {
    let index = blockStarts.length - 1;
    while (index > 0 && blockStarts[index]! >= range.end) index -= 1;
    const at = Math.min(range.end - blockStarts[index]!, blocks[index]!.length);
    markers.set(index, [...(markers.get(index) ?? []), { claimId: range.claimId, at, start: range.start }]);
  }

  return blocks.map((text, index) => {
    const blockStart = blockStarts[index]!;
    const blockMarkers = (markers.get(index) ?? []).sort((a, b) => a.at - b.at || b.start - a.start);
    const cuts = new Set([0, text.length, ...blockMarkers.map((marker) => marker.at)]);
    for (const range of valid) {
      for (const edge of [range.start - blockStart, range.end - blockStart]) if (edge > 0 && edge < text.length) cuts.add(edge);
    }
    const points = [...cuts].sort((a, b) => a - b);
    const pieces: ArticlePiece[] = [];
    for (let cut = 0; cut < points.length; cut += 1) {
      const from = points[cut]!;
      for (const marker of blockMarkers) if (marker.at === from && from > 0) pieces.push({ kind: "marker", claimId: marker.claimId });
      const to = points[cut + 1];
      if (to === undefined || to === from) continue;
      const covering = valid
        .filter((range) => range.start <= blockStart + from && range.end >= blockStart + to)
        .sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start)
        .map((range) => range.claimId);
      pieces.push({ kind: "text", text: text.slice(from, to), claimIds: covering });
    }
    return pieces;
  });
}

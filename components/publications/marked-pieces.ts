/**
 * The public article's pieces (components/publications/article-pieces.ts) with the text's own marks: each text
 * piece is cut where the block's text nodes change (bold, italic, a link), so a claim's tint and the text's
 * emphasis and links are both drawn. Pure; unit-tested.
 */
import type { ArticlePiece } from "@/components/publications/article-pieces";
import type { Mark, TextNode } from "@/lib/documents/content-schema";

/** A stretch of text with one set of marks. */
export type MarkedRun = { text: string; marks: readonly Mark[] };

export type MarkedPiece =
  | { kind: "text"; claimIds: string[]; runs: MarkedRun[] }
  | { kind: "marker"; claimId: string };

/**
 * `pieces` (one text block's, in order) with each text piece split into runs along `nodes` (the same block's
 * text nodes, whose texts join to the block's text). The runs of a piece join to its text.
 */
export function addMarksToPieces(pieces: readonly ArticlePiece[], nodes: readonly TextNode[]): MarkedPiece[] {
  const spans: { start: number; end: number; marks: readonly Mark[] }[] = [];
  let offset = 0;
  for (const node of nodes) {
    spans.push({ start: offset, end: offset + node.text.length, marks: node.marks ?? [] });
    offset += node.text.length;
  }
  let position = 0;
  return pieces.map((piece): MarkedPiece => {
    if (piece.kind === "marker") return piece;
    const start = position;
    const end = start + piece.text.length;
    position = end;
    const runs = spans
      .filter((span) => span.end > start && span.start < end)
      .map((span) => ({ text: piece.text.slice(Math.max(span.start, start) - start, Math.min(span.end, end) - start), marks: span.marks }));
    // Text the nodes do not cover (never for stored content, whose block text is its nodes' text) stays, unmarked.
    const covered = runs.reduce((length, run) => length + run.text.length, 0);
    if (covered < piece.text.length) runs.push({ text: piece.text.slice(covered), marks: [] });
    return { kind: "text", claimIds: piece.claimIds, runs };
  });
}

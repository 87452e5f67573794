/**
 * The document's plain text (what W3C selectors index into) and its mapping to editor positions.
 * Pure and shared by server and browser.
 *
 * The text is the text blocks' text (paragraphs, subheadings, captions, wherever quotes and lists nest them) joined
 * by a blank line ("\n\n"), exactly as ProseMirror's `doc.textBetween(0, size, "\n\n")` builds it. The index records
 * where each text block starts in the text and in the editor, so an offset maps to a position and back; an offset
 * inside a separator lands at the end of the block before it.
 */
import { collectTextBlocks, type BlockNode, type DocumentContent, type ListItemNode, type TextBlockNode } from "@/lib/documents/content-schema";

export const blockSeparator = "\n\n";

/** One text block: where its text starts in the document text (UTF-16) and in the editor, and its length. */
export type TextBlockSpan = { offset: number; position: number; length: number };
export type TextIndex = { text: string; blocks: TextBlockSpan[] };

/** The plain text of one text block. */
export function getBlockText(block: TextBlockNode): string {
  return (block.content ?? []).map((node) => node.text).join("");
}

/** The text blocks of a document in reading order. */
export function getTextBlocks(content: DocumentContent): TextBlockNode[] {
  return collectTextBlocks(content.content).map((item) => item.block);
}

/** The plain text of a document, as stored in `Document.text`. */
export function getDocumentText(content: DocumentContent): string {
  return getTextBlocks(content).map(getBlockText).join(blockSeparator);
}

/** The text and the editor position of every text block, walking the JSON as ProseMirror counts positions. */
export function buildTextIndex(content: DocumentContent): TextIndex {
  const blocks: TextBlockSpan[] = [];
  const texts: string[] = [];
  let position = 0;
  let offset = 0;
  const walk = (nodes: readonly (BlockNode | ListItemNode)[]) => {
    for (const node of nodes) {
      if (node.type === "paragraph" || node.type === "heading" || node.type === "caption") {
        const text = getBlockText(node);
        if (blocks.length > 0) offset += blockSeparator.length;
        blocks.push({ offset, position: position + 1, length: text.length });
        texts.push(text);
        offset += text.length;
        position += text.length + 2;
      } else {
        position += 1;
        walk(node.content);
        position += 1;
      }
    }
  };
  walk(content.content);
  return { text: texts.join(blockSeparator), blocks };
}

/** The last block starting at or before `value` (by `key`), or the first block. */
function findBlock(blocks: readonly TextBlockSpan[], value: number, key: "offset" | "position"): TextBlockSpan | undefined {
  let low = 0;
  let high = blocks.length - 1;
  let found = 0;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (blocks[middle]![key] <= value) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return blocks[found];
}

/** Editor position of a UTF-16 offset into the document text (an offset in a separator: the end of the block before). */
export function textOffsetToPosition(index: Pick<TextIndex, "blocks">, offset: number): number {
  const block = findBlock(index.blocks, offset, "offset");
  if (!block) return 1;
  return block.position + Math.min(Math.max(offset - block.offset, 0), block.length);
}

/** UTF-16 offset into the document text of an editor position (between blocks: the end of the block before). */
export function positionToTextOffset(index: Pick<TextIndex, "blocks">, position: number): number {
  const block = findBlock(index.blocks, position, "position");
  if (!block) return 0;
  return block.offset + Math.min(Math.max(position - block.position, 0), block.length);
}

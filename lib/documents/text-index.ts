/**
 * The document's plain text (what W3C selectors index into) and its mapping to editor positions.
 * Pure and shared by server and browser.
 *
 * The text is the blocks' text joined by a blank line ("\n\n"). In ProseMirror, a flat text block occupies
 * its text's length + 2 positions (an opening and a closing token), and the separator is also 2 characters,
 * so for the flat documents of content-schema.ts a text offset maps to position = offset + 1 exactly: offset 0
 * is just inside the first block, and an offset inside a separator lands between two blocks.
 */
import type { BlockNode, DocumentContent } from "@/lib/documents/content-schema";

export const blockSeparator = "\n\n";

/** The plain text of one block. */
export function getBlockText(block: BlockNode): string {
  return (block.content ?? []).map((node) => node.text).join("");
}

/** The plain text of a document, as stored in `Document.text`. */
export function getDocumentText(content: DocumentContent): string {
  return content.content.map(getBlockText).join(blockSeparator);
}

/** Editor position of a UTF-16 offset into the document text. */
export function textOffsetToPosition(offset: number): number {
  return offset + 1;
}

/** UTF-16 offset into the document text of an editor position (clamped to the text). */
export function positionToTextOffset(position: number, textLength: number): number {
  return Math.min(Math.max(position - 1, 0), textLength);
}

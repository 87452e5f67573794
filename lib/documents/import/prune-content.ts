/**
 * Takes out what an import should not store: text blocks with no visible text (empty paragraphs a page or a Word
 * file uses for spacing), and quotes and lists left empty by that. A list item keeps its (empty) first paragraph
 * when it still holds a nested block, as the schema requires. Pure.
 */
import type { BlockNode, ListItemNode, TextBlockNode } from "@/lib/documents/content-schema";
import { isTextBlock } from "@/lib/documents/content-schema";

function hasVisibleText(block: TextBlockNode): boolean {
  return (block.content ?? []).some((node) => node.text.trim() !== "");
}

function pruneListItem(item: ListItemNode): ListItemNode | null {
  const [first, ...rest] = item.content;
  const blocks = pruneBlocks(rest);
  if (hasVisibleText(first)) return { ...item, content: [first, ...blocks] };
  return blocks.length > 0 ? { ...item, content: [{ type: "paragraph" }, ...blocks] } : null;
}

/** The blocks with empty text blocks, and the containers they leave empty, taken out. */
export function pruneBlocks(blocks: readonly BlockNode[]): BlockNode[] {
  const kept: BlockNode[] = [];
  for (const block of blocks) {
    if (isTextBlock(block)) {
      if (hasVisibleText(block)) kept.push(block);
    } else if (block.type === "blockquote") {
      const content = pruneBlocks(block.content);
      if (content.length > 0) kept.push({ ...block, content });
    } else {
      const content = block.content.map(pruneListItem).filter((item): item is ListItemNode => item !== null);
      if (content.length > 0) kept.push({ ...block, content });
    }
  }
  return kept;
}

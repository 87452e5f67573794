import type { Node as ProseMirrorNode } from "@tiptap/pm/model";

import { blockSeparator, type TextBlockSpan, type TextIndex } from "@/lib/documents/text-index";

const cache = new WeakMap<ProseMirrorNode, TextIndex>();

/**
 * The text index (lib/documents/text-index.ts) of the editor's own document: the same text and block positions
 * `buildTextIndex` computes from the stored JSON. Cached per document node (documents are immutable).
 */
export function getDocTextIndex(doc: ProseMirrorNode): TextIndex {
  const cached = cache.get(doc);
  if (cached) return cached;
  const blocks: TextBlockSpan[] = [];
  const texts: string[] = [];
  let offset = 0;
  doc.descendants((node, position) => {
    if (!node.isTextblock) return true;
    if (blocks.length > 0) offset += blockSeparator.length;
    const text = node.textContent;
    blocks.push({ offset, position: position + 1, length: text.length });
    texts.push(text);
    offset += text.length;
    return false;
  });
  const index = { text: texts.join(blockSeparator), blocks };
  cache.set(doc, index);
  return index;
}

/**
 * Sanitised article HTML → the JSON Margin stores, by tiptap's own route: ProseMirror's DOMParser with the schema
 * of the article's extensions (lib/documents/article-schema.ts, the editor's and the reader's), over a server DOM
 * (linkedom), then `documentContentSchema`, so what is stored is exactly what the reader loads. Server-side.
 */
import { getSchema } from "@tiptap/core";
import { DOMParser as ProseMirrorDOMParser, type Schema } from "@tiptap/pm/model";
import { parseHTML } from "linkedom";

import { articleSchemaExtensions } from "@/lib/documents/article-schema";
import { blockNodeSchema, type BlockNode } from "@/lib/documents/content-schema";
import { pruneBlocks } from "@/lib/documents/import/prune-content";

let articleSchema: Schema | null = null;

/** The ProseMirror schema of an article (built once). */
export function getArticleSchema(): Schema {
  articleSchema ??= getSchema(articleSchemaExtensions);
  return articleSchema;
}

/**
 * The blocks of sanitised article HTML as the editor would parse them, empty ones taken out (prune-content.ts).
 * Not yet checked against the stored schema's limits: the caller counts them and parses the document.
 */
export function htmlToBlocks(html: string): BlockNode[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // ProseMirror's parser reads a browser DOM; linkedom implements the part it uses (childNodes, nodeType,
  // matches, getAttribute, textContent).
  const doc = ProseMirrorDOMParser.fromSchema(getArticleSchema()).parse(document.body as unknown as Node);
  const json = doc.toJSON() as { content?: unknown[] };
  // Each block is checked (and stripped of attributes the store does not keep) before pruning reads it.
  const blocks = (json.content ?? []).map((block) => blockNodeSchema.parse(block));
  return pruneBlocks(blocks);
}

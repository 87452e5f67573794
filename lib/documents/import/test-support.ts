/**
 * For the import's tests: fixtures by name, and stored content rendered back to HTML through the article schema
 * (ProseMirror's DOMSerializer over linkedom), as the reader and the editor would render it.
 */
import { readFileSync } from "node:fs";

import { DOMSerializer, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { parseHTML } from "linkedom";

import type { DocumentContent } from "@/lib/documents/content-schema";
import { getArticleSchema } from "@/lib/documents/import/html-to-content";

export function readFixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
}

/** The HTML the article schema renders for stored content. */
export function renderContentHtml(content: DocumentContent): string {
  const schema = getArticleSchema();
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(ProseMirrorNode.fromJSON(schema, content).content, {
    document: document as unknown as Document,
  });
  const container = document.createElement("div");
  container.appendChild(fragment as unknown as Parameters<typeof container.appendChild>[0]);
  return container.innerHTML;
}

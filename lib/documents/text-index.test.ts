import { readFileSync } from "node:fs";

import { getSchema } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";

import { getDocTextIndex } from "@/components/editor/doc-text-index";
import { importArticleText } from "@/lib/documents/article-import";
import { articleSchemaExtensions } from "@/lib/documents/article-schema";
import { documentContentSchema, type DocumentContent } from "@/lib/documents/content-schema";
import { blockSeparator, buildTextIndex, getDocumentText, positionToTextOffset, textOffsetToPosition } from "@/lib/documents/text-index";

const schema = getSchema(articleSchemaExtensions);

const nested: DocumentContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Kop" }] },
    { type: "paragraph", content: [{ type: "text", text: "Een " }, { type: "text", text: "vette", marks: [{ type: "bold" }] }, { type: "text", text: " zin." }] },
    {
      type: "blockquote",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "Geciteerd, met een ", marks: [{ type: "italic" }] }, { type: "text", text: "link", marks: [{ type: "link", attrs: { href: "https://example.org/" } }] }] },
        { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "diep" }] }] }] },
      ],
    },
    {
      type: "orderedList",
      attrs: { start: 3 },
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "drie" }] }, { type: "paragraph" }] },
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "vier" }] }] },
      ],
    },
    { type: "caption", content: [{ type: "text", text: "Foto Iemand/ ANP" }] },
  ],
};

function toProseMirror(content: DocumentContent): ProseMirrorNode {
  const doc = ProseMirrorNode.fromJSON(schema, content);
  doc.check();
  return doc;
}

describe("the text index of a stored document", () => {
  it("matches ProseMirror's own text and positions for nested quotes, lists and marks", () => {
    const doc = toProseMirror(nested);
    const index = buildTextIndex(nested);
    expect(index).toEqual(getDocTextIndex(doc));
    expect(index.text).toBe(doc.textBetween(0, doc.content.size, blockSeparator));
    expect(index.text).toBe(getDocumentText(nested));
    // Every offset of the text maps to the position of the same character, and back.
    for (let offset = 0; offset < index.text.length; offset += 1) {
      const position = textOffsetToPosition(index, offset);
      const character = index.text[offset];
      if (character === "\n") continue;
      expect(doc.textBetween(position, position + 1)).toBe(character);
      expect(positionToTextOffset(index, position)).toBe(offset);
    }
  });

  it("maps an offset inside a separator to the end of the block before it", () => {
    const index = buildTextIndex(nested);
    const kop = index.blocks[0]!;
    expect(textOffsetToPosition(index, kop.length + 1)).toBe(kop.position + kop.length);
  });

  it("stores what ProseMirror would: the stored JSON survives a round trip through the editor's schema", () => {
    const roundTrip = documentContentSchema.parse(toProseMirror(nested).toJSON());
    expect(buildTextIndex(roundTrip)).toEqual(buildTextIndex(nested));
    expect(roundTrip.content.map((block) => block.type)).toEqual(nested.content.map((block) => block.type));
  });

  it("keeps the flat seed article's old mapping (position = offset + 1)", () => {
    const { content, text } = importArticleText(readFileSync("../shared/articles/nagorno-karabach-2020-10.txt", "utf8"));
    const index = buildTextIndex(content);
    expect(index.text).toBe(text);
    for (const offset of [0, 10, 500, text.length]) expect(textOffsetToPosition(index, offset)).toBe(offset + 1);
  });
});

describe("the content schema", () => {
  it("refuses unsafe links, list items without a first paragraph and runaway nesting", () => {
    const link = (href: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }] }] });
    expect(documentContentSchema.safeParse(link("javascript:alert(1)")).success).toBe(false);
    expect(documentContentSchema.safeParse(link("data:text/html,<script>")).success).toBe(false);
    expect(documentContentSchema.safeParse(link("https://example.org/a?b")).success).toBe(true);
    const badItem = { type: "doc", content: [{ type: "bulletList", content: [{ type: "listItem", content: [{ type: "heading", attrs: { level: 2 } }] }] }] };
    expect(documentContentSchema.safeParse(badItem).success).toBe(false);
    let deep: unknown = { type: "paragraph", content: [{ type: "text", text: "diep" }] };
    for (let level = 0; level < 5_000; level += 1) deep = { type: "blockquote", content: [deep] };
    expect(documentContentSchema.safeParse({ type: "doc", content: [deep] }).success).toBe(false);
  });
});

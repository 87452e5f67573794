import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";

import { createArticleEditorExtensions } from "@/components/editor/editor-extensions";
import { articleSchemaExtensions } from "@/lib/documents/article-schema";
import { documentContentSchema } from "@/lib/documents/content-schema";

const editorSchema = getSchema(createArticleEditorExtensions({ placeholder: "Write", onOpenLinkDialog: () => {} }));
const articleSchema = getSchema(articleSchemaExtensions);

describe("the article editor's extensions", () => {
  it("hold exactly the article's nodes and marks: what the editor makes, a version can store", () => {
    expect(Object.keys(editorSchema.nodes).sort()).toEqual(Object.keys(articleSchema.nodes).sort());
    expect(Object.keys(editorSchema.marks).sort()).toEqual(Object.keys(articleSchema.marks).sort());
    for (const name of Object.keys(articleSchema.nodes)) expect(editorSchema.nodes[name]!.spec.content).toBe(articleSchema.nodes[name]!.spec.content);
  });

  it("produce JSON the stored-content schema accepts: quotes, lists and every mark", () => {
    const doc = editorSchema.nodeFromJSON({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Tussenkop" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Vet", marks: [{ type: "bold" }] },
            { type: "text", text: " en " },
            { type: "text", text: "een link", marks: [{ type: "italic" }, { type: "link", attrs: { href: "https://example.org" } }] },
          ],
        },
        { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "Een citaat." }] }] },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Eén" }] }] },
            {
              type: "listItem",
              content: [
                { type: "paragraph", content: [{ type: "text", text: "Twee" }] },
                { type: "orderedList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Genest" }] }] }] },
              ],
            },
          ],
        },
      ],
    });
    const parsed = documentContentSchema.safeParse(doc.toJSON());
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });

  it("refuse a link that is not http(s) or mailto", () => {
    const link = editorSchema.marks.link!;
    // How a pasted or imported <a href> is read: the rule's getAttrs refuses the mark (false) for an unsafe href.
    const getAttrs = link.spec.parseDOM?.[0]?.getAttrs as ((node: HTMLElement) => unknown) | undefined;
    expect(getAttrs).toBeDefined();
    const isAllowed = (href: string) => getAttrs!({ getAttribute: (name: string) => (name === "href" ? href : null) } as unknown as HTMLElement) !== false;
    expect(isAllowed("https://example.org")).toBe(true);
    expect(isAllowed("mailto:a@example.org")).toBe(true);
    expect(isAllowed("javascript:alert(1)")).toBe(false);
    expect(isAllowed("data:text/html,x")).toBe(false);
  });
});

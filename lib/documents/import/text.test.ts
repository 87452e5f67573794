import { describe, expect, it } from "vitest";

import { importArticleText } from "@/lib/documents/article-import";
import { importDocument } from "@/lib/documents/import";
import { readFixture } from "@/lib/documents/import/test-support";

describe("importing plain text", () => {
  it("reads as the article format always has: blank lines, subheadings, captions, the date line", async () => {
    const source = readFixture("article.txt");
    const imported = await importDocument({ format: "text", content: source });
    expect(imported.publishedOn).toBe("2020-10");
    expect(imported.title).toBeNull();
    // Exactly what lib/documents/article-import.ts gives (the seed and existing documents).
    const article = importArticleText(source);
    expect(imported.content).toEqual(article.content);
    expect(imported.text).toBe(article.text);
    expect(imported.content.content.map((block) => block.type)).toEqual(["paragraph", "heading", "paragraph", "caption"]);
  });

  it("reads an uploaded .txt file as UTF-8, with or without a byte order mark, or as UTF-16 with one", async () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("Één alinea.")]);
    expect((await importDocument({ format: "text", content: bom, fileName: "a.txt" })).text).toBe("Één alinea.");
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from("Twee alinea's.", "utf16le")]);
    expect((await importDocument({ format: "text", content: utf16, fileName: "b.txt" })).text).toBe("Twee alinea's.");
  });
});

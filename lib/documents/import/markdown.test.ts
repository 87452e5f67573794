import { describe, expect, it } from "vitest";

import { importDocument } from "@/lib/documents/import";
import { readFrontMatter } from "@/lib/documents/import/markdown";
import { readFixture, renderContentHtml } from "@/lib/documents/import/test-support";

describe("importing Markdown", () => {
  it("keeps headings, lists, quotes, emphasis and links, and takes the front matter's metadata", async () => {
    const imported = await importDocument({ format: "markdown", content: readFixture("article.md"), fileName: "article.md" });
    expect(imported).toMatchObject({
      title: "Ceasefire talks stall in Geneva",
      byline: "Anna de Vries",
      sourceUrl: "https://news.example.org/world/ceasefire-talks-stall",
      publishedOn: "2020-10-14",
    });
    const [first, heading, list, quote, subheading, reactions] = imported.content.content;
    expect(first).toEqual({
      type: "paragraph",
      content: [
        { type: "text", text: "Negotiators left Geneva on " },
        { type: "text", text: "Tuesday", marks: [{ type: "bold" }] },
        { type: "text", text: " without an agreement, " },
        { type: "text", text: "diplomats said", marks: [{ type: "italic" }] },
        { type: "text", text: ", after three days of talks. The full statement is on " },
        { type: "text", text: "the ministry's site", marks: [{ type: "link", attrs: { href: "https://www.example.gov/statement" } }] },
        { type: "text", text: "." },
      ],
    });
    expect(heading).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "What was on the table" }] });
    expect(list).toMatchObject({
      type: "bulletList",
      content: [
        { type: "listItem" },
        { type: "listItem", content: [{ type: "paragraph" }, { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem" }, { type: "listItem" }] }] },
        { type: "listItem" },
      ],
    });
    expect(quote).toMatchObject({ type: "blockquote", content: [{ type: "paragraph" }] });
    expect(subheading).toEqual({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Reactions" }] });
    // A relative link resolves against the article's own URL (its front matter's canonical_url).
    expect(reactions).toMatchObject({
      content: expect.arrayContaining([{ type: "text", text: "archive", marks: [{ type: "link", attrs: { href: "https://news.example.org/archive" } }] }]),
    });
    // The leading "# title" is the title, not the first paragraph; the image and the script leave nothing.
    expect(imported.text.startsWith("Negotiators left Geneva")).toBe(true);
    expect(imported.text).not.toMatch(/Ceasefire talks stall|markdown script|conference hall/u);
    // A table's rows read as paragraphs; an autolinked address is a mailto: link.
    expect(imported.text).toContain("\n\nParty Position\n\nNorth Yes\n\n");
    expect(renderContentHtml(imported.content)).toContain('href="mailto:desk@example.org"');
    expect(renderContentHtml(imported.content)).not.toMatch(/<script|<img|<table/iu);
  });

  it("takes the first # heading as the title when there is no front matter", async () => {
    const imported = await importDocument({ format: "markdown", content: "# Storm warning\n\nThe coast road is closed.\n\n# Later\n\nIt reopens." });
    expect(imported.title).toBe("Storm warning");
    expect(imported.text).toBe("The coast road is closed.\n\nLater\n\nIt reopens.");
    expect(imported.content.content[1]).toEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Later" }] });
  });

  it("keeps a # heading that is not at the start, and leaves the title to the front matter", async () => {
    const imported = await importDocument({ format: "markdown", content: "---\ntitle: Given\n---\nIntro.\n\n# Section" });
    expect(imported.title).toBe("Given");
    expect(imported.text).toBe("Intro.\n\nSection");
  });
});

describe("readFrontMatter", () => {
  it("reads the usual keys, case-insensitively, and a list of authors", () => {
    expect(readFrontMatter("Title: A\nAuthors: [Ann, Bob]\npublished_at: 2021-05-01T10:00:00Z\nsource: https://example.org/a")).toEqual({
      title: "A",
      byline: "Ann, Bob",
      sourceUrl: "https://example.org/a",
      publishedOn: "2021-05-01",
    });
  });

  it("gives nothing for YAML that is not a mapping, or not YAML", () => {
    expect(readFrontMatter("- a\n- b")).toEqual({});
    expect(readFrontMatter("title: [unclosed")).toEqual({});
  });

  it("refuses YAML alias bombs instead of expanding them", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, index) => `${String.fromCharCode(98 + index)}: &${String.fromCharCode(98 + index)} [*${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}, *${String.fromCharCode(97 + index)}]`), "title: Bomb"].join("\n");
    expect(readFrontMatter(bomb)).toEqual({});
  });
});

import { describe, expect, it } from "vitest";

import { importDocument } from "@/lib/documents/import";
import { readFixture, renderContentHtml } from "@/lib/documents/import/test-support";

describe("importing a saved web page", () => {
  it("keeps only the article: navigation, header, footer, ads, sidebar and cookie banner go", async () => {
    const imported = await importDocument({ format: "html", content: readFixture("saved-page.html"), fileName: "harbour.html" });
    // The article stays, in its structure.
    expect(imported.text).toContain("The city council approved the long-awaited expansion of the northern harbour");
    expect(imported.text).toContain("Local fishermen fear that dredging the harbour basin");
    expect(imported.content.content).toContainEqual({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Opposition from fishermen" }] });
    expect(imported.content.content).toContainEqual({ type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "What happens next" }] });
    expect(imported.content.content).toContainEqual(expect.objectContaining({ type: "blockquote" }));
    expect(imported.content.content).toContainEqual({ type: "caption", content: [{ type: "text", text: "The northern harbour at low tide. Photo: Anouk Smit" }] });
    expect(imported.content.content).toContainEqual(expect.objectContaining({ type: "bulletList" }));
    const html = renderContentHtml(imported.content);
    expect(html).toContain("<strong>around 400 jobs</strong>");
    expect(html).toContain("<em>an estimated 120 million euros</em>");
    // Relative links resolve against the page's canonical URL.
    expect(html).toContain('href="https://herald.example.com/topics/2022"');
    expect(html).toContain('href="mailto:harbour@council.example.gov"');

    // The chrome goes.
    for (const chrome of [
      "Subscribe today", "Search the Herald", "Sport", "Most read", "Storm closes coastal road", "New bakery", "Newsletter",
      "Advertisement", "Buy now", "All rights reserved", "Privacy", "cookies", "Share on social media", "Comments (12)",
    ]) {
      expect(imported.text, chrome).not.toContain(chrome);
    }
    // And nothing executable or remote survives.
    expect(html).not.toMatch(/<(script|style|iframe|object|img|form|button|nav|aside|footer|header)\b|on\w+=|javascript:|ads\.example/iu);
    // The title is not repeated as the article's first line.
    expect(imported.text).not.toMatch(/^Harbour expansion approved/u);
  });

  it("takes the page's metadata: og:title, author, canonical URL, publication date", async () => {
    const imported = await importDocument({ format: "html", content: readFixture("saved-page.html") });
    expect(imported).toMatchObject({
      title: "Harbour expansion approved after years of delay",
      byline: "Maria Lopez",
      sourceUrl: "https://herald.example.com/news/2021/03/harbour-expansion",
      publishedOn: "2021-03-09",
    });
  });
});

describe("importing HTML pasted from a browser or a word processor", () => {
  it("keeps a fragment whole (no Readability), with its structure", async () => {
    const imported = await importDocument({
      format: "html",
      content: "<h1>Short</h1><p>One <b>bold</b> line.</p><h4>Minor</h4><ol start=\"3\"><li>three</li></ol><blockquote>Quoted</blockquote>",
    });
    expect(imported.title).toBe("Short");
    expect(imported.content.content).toEqual([
      { type: "paragraph", content: [{ type: "text", text: "One " }, { type: "text", text: "bold", marks: [{ type: "bold" }] }, { type: "text", text: " line." }] },
      { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "Minor" }] },
      { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "three" }] }] }] },
      { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "Quoted" }] }] },
    ]);
  });

  it("reads Google Docs' styled spans as bold and italic, and its bold wrapper as not bold", async () => {
    const clipboard =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr"><span style="font-weight:400;">Plain, </span>' +
      '<span style="font-weight:700;">strong</span><span style="font-weight:400;"> and </span><span style="font-style:italic;font-weight:400;">slanted</span></p>' +
      '<p dir="ltr"><span style="font-weight:400;">Second paragraph</span></p></b>';
    const imported = await importDocument({ format: "html", content: clipboard });
    expect(imported.content.content).toEqual([
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Plain, " },
          { type: "text", text: "strong", marks: [{ type: "bold" }] },
          { type: "text", text: " and " },
          { type: "text", text: "slanted", marks: [{ type: "italic" }] },
        ],
      },
      { type: "paragraph", content: [{ type: "text", text: "Second paragraph" }] },
    ]);
  });

  it("reads divs and line breaks as a browser shows them, and drops hidden text and empty paragraphs", async () => {
    const imported = await importDocument({
      format: "html",
      content: '<div>First line</div><div>Second<br>line</div><p>&nbsp;</p><p hidden>Hidden</p><p style="display: none">Also hidden</p><p aria-hidden="true">Icon</p>',
    });
    expect(imported.text).toBe("First line\n\nSecond line");
  });

  it("drops links it cannot resolve or trust but keeps their text", async () => {
    const imported = await importDocument({ format: "html", content: '<p><a href="/relative">relative</a> <a href="#top">anchor</a> <a href="ftp://x.org">ftp</a></p>' });
    expect(imported.content.content).toEqual([{ type: "paragraph", content: [{ type: "text", text: "relative anchor ftp" }] }]);
  });

  it("flattens quotes and lists nested deeper than a document holds, keeping their text", async () => {
    const nested = `${"<blockquote>".repeat(12)}<p>deep</p>${"</blockquote>".repeat(12)}`;
    const imported = await importDocument({ format: "html", content: nested });
    expect(imported.text).toBe("deep");
    let depth = 0;
    let node: { type: string; content?: unknown[] } | undefined = imported.content.content[0];
    while (node?.type === "blockquote") {
      depth += 1;
      node = node.content?.[0] as typeof node;
    }
    expect(depth).toBe(8);
  });

  it("reads an uploaded page in the encoding it declares", async () => {
    const latin1 = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 cr\u00e8me</p></body></html>', "latin1");
    const imported = await importDocument({ format: "html", content: new Uint8Array(latin1), fileName: "cafe.html" });
    expect(imported.text).toBe("Café crème");
  });
});

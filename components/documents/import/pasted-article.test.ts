import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";

import { fitPastedHeadings, splitPlainText, toPastedArticle } from "@/components/documents/import/pasted-article";

const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", ...(content.length ? { content } : {}) });
const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

describe("splitPlainText", () => {
  it.each([
    ["blank lines separate paragraphs, a paragraph's lines are joined", "date 2021-05 Eerste\nalinea.\n\n\nTussenkop\r\n\r\nTweede alinea.", ["date 2021-05 Eerste alinea.", "Tussenkop", "Tweede alinea."]],
    ["without a blank line, each line is a paragraph", "Eerste alinea.\nTweede alinea.\n", ["Eerste alinea.", "Tweede alinea."]],
    ["blank lines of spaces count, surrounding space goes", "  Eén.  \n \t \n  Twee.  ", ["Eén.", "Twee."]],
    ["a byte-order mark and empty input leave nothing", "\uFEFF \n\n ", []],
    ["one line stays one paragraph", "Alleen dit.", ["Alleen dit."]],
  ])("%s", (_name, input, expected) => {
    expect(splitPlainText(input)).toEqual(expected);
  });
});

describe("toPastedArticle", () => {
  it("is null when the area holds no text", () => {
    expect(toPastedArticle(doc(paragraph()), "<p></p>")).toBeNull();
    expect(toPastedArticle(doc(paragraph(text("   ")), { type: "heading", attrs: { level: 2 } }), "<p>   </p><h2></h2>")).toBeNull();
    expect(toPastedArticle({ type: "doc" }, "")).toBeNull();
  });

  it("sends plain paragraphs as text, blank lines between them, so the plain-text conventions apply", () => {
    const pasted = doc(paragraph(text("date 2021-05 Eerste alinea.")), paragraph(), paragraph(text("Tussen"), text("kop")), paragraph(text(" Tweede. ")));
    expect(toPastedArticle(pasted, "<p>ignored</p>")).toEqual({ format: "text", content: "date 2021-05 Eerste alinea.\n\nTussenkop\n\nTweede." });
  });

  it.each([
    ["a heading", doc({ type: "heading", attrs: { level: 2 }, content: [text("Kop")] }, paragraph(text("Tekst.")))],
    ["a list", doc({ type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("Punt"))] }] })],
    ["a quote", doc({ type: "blockquote", content: [paragraph(text("Citaat."))] })],
    ["emphasis", doc(paragraph(text("Heel "), text("belangrijk", [{ type: "italic" }])))],
    ["a link", doc(paragraph(text("Bron", [{ type: "link", attrs: { href: "https://example.org/" } }])))],
  ])("sends the HTML when the text has %s", (_name, pasted) => {
    expect(toPastedArticle(pasted, "<p>the editor's html</p>")).toEqual({ format: "html", content: "<p>the editor's html</p>" });
  });
});

describe("fitPastedHeadings", () => {
  it("makes an h1 an h2 and h4 to h6 an h3, leaving other tags and text alone", () => {
    expect(fitPastedHeadings('<H1 class="title">Titel</H1><h2>Twee</h2><h4>Vier</h4><h6 id="x">Zes</h6><header>h1</header><h1>')).toBe(
      '<h2 class="title">Titel</h2><h2>Twee</h2><h3>Vier</h3><h3 id="x">Zes</h3><header>h1</header><h2>',
    );
  });
});

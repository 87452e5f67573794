/**
 * What the paste area sends: the article as plain text when it is nothing but paragraphs (so the plain-text
 * format's conventions still apply: a `date 2020-10` first line, short lines as subheadings), or else as the
 * editor's HTML, which keeps headings, lists, quotes, emphasis and links. The server sanitises either; nothing
 * here is trusted. Pure: unit-tested in pasted-article.test.ts.
 */
import type { JSONContent } from "@tiptap/core";

export type PastedArticle = { format: "text" | "html"; content: string };

/**
 * Plain text as the paste area shows it, one string per paragraph. Blank lines separate paragraphs and the lines
 * of one paragraph are joined (as the server's plain-text format does, lib/documents/article-import.ts), unless
 * the text has no blank line at all: then each line is a paragraph, as text copied from most apps has it.
 */
export function splitPlainText(text: string): string[] {
  const normalized = text.replace(/\r\n?/gu, "\n").replace(/^\uFEFF/u, "");
  const hasBlankLine = /\n[ \t]*\n/u.test(normalized.trim());
  const blocks = hasBlankLine ? normalized.split(/\n[ \t]*\n+/u).map((block) => block.replace(/\s*\n\s*/gu, " ")) : normalized.split("\n");
  return blocks.map((block) => block.trim()).filter((block) => block.length > 0);
}

/** The text of a node and everything in it. */
function textOf(node: JSONContent): string {
  return node.text ?? (node.content ?? []).map(textOf).join("");
}

/** Paragraphs of text without marks only: what plain text says as well as HTML does. */
function isPlainParagraphs(doc: JSONContent): boolean {
  return (doc.content ?? []).every(
    (block) => block.type === "paragraph" && (block.content ?? []).every((inline) => inline.type === "text" && (inline.marks ?? []).length === 0),
  );
}

/**
 * The request's `format` and `content` for what the paste area holds (tiptap's `getJSON()` and `getHTML()`),
 * or null when it holds no text.
 */
export function toPastedArticle(doc: JSONContent, html: string): PastedArticle | null {
  const blocks = doc.content ?? [];
  if (blocks.every((block) => textOf(block).trim() === "")) return null;
  if (!isPlainParagraphs(doc)) return { format: "html", content: html };
  const paragraphs = blocks.map((block) => textOf(block).trim()).filter((text) => text.length > 0);
  return { format: "text", content: paragraphs.join("\n\n") };
}

/**
 * Pasted HTML's headings fitted to an article's levels before the editor parses it: the page's title is the only
 * h1, and articles hold h2 and h3 (lib/documents/article-schema.ts). Without this, an h1 or an h4 from a web page
 * or Word would arrive as a plain paragraph.
 */
export function fitPastedHeadings(html: string): string {
  return html.replace(/<(\/?)h1(?=[\s/>])/giu, "<$1h2").replace(/<(\/?)h[4-6](?=[\s/>])/giu, "<$1h3");
}

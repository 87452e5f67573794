/**
 * Turns a plain-text news article (as in prisma/seed/articles/) into Margin's document structure.
 * Pure; unit-tested in article-import.test.ts against the seed article.
 *
 * The source format: an optional first-line metadata prefix `date YYYY-MM[-DD]` followed by the first
 * paragraph on the same line; blocks separated by blank lines; short unpunctuated blocks are subheadings;
 * a block ending in a photo credit ("… Foto Name/ Agency") is a photo caption.
 */
import type { DocumentContent, TextBlockNode } from "@/lib/documents/content-schema";
import { getDocumentText } from "@/lib/documents/text-index";

export type ImportedArticle = {
  /** Publication date as the source gives it, e.g. "2020-10", or null. */
  publishedOn: string | null;
  content: DocumentContent;
  text: string;
};

const datePrefix = /^date\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*/u;
const photoCreditWord = /\bFoto\s/u;

/**
 * Whether a block ends in a photo credit: "Foto" after its last full stop, exclamation or question mark. Looked for
 * in that tail only, so a long paragraph full of "Foto " costs one pass (a regex over the whole block backtracks).
 */
function endsInPhotoCredit(text: string): boolean {
  const lastStop = Math.max(text.lastIndexOf("."), text.lastIndexOf("!"), text.lastIndexOf("?"));
  return photoCreditWord.test(text.slice(lastStop + 1));
}
const headingMaxLength = 60;
const headingMaxWords = 6;

function classifyBlock(text: string): TextBlockNode["type"] {
  if (endsInPhotoCredit(text)) return "caption";
  const words = text.split(/\s+/u).length;
  if (text.length <= headingMaxLength && words <= headingMaxWords && !/[.!?:;,"”’)]$/u.test(text)) return "heading";
  return "paragraph";
}

function toBlock(text: string): TextBlockNode {
  const content = text ? [{ type: "text" as const, text }] : undefined;
  const type = classifyBlock(text);
  if (type === "heading") return { type, attrs: { level: 2 }, content };
  return { type, content };
}

/**
 * The article's publication date (from the metadata prefix) and the text of its blocks, before they are classified.
 * Input schemas count the blocks with it, so an article that would import to no blocks, or to more than a document
 * holds, is refused before anything is stored.
 */
export function splitArticleText(source: string): { publishedOn: string | null; blocks: string[] } {
  let body = source.replace(/\r\n?/gu, "\n").replace(/^\uFEFF/u, "").trim();
  let publishedOn: string | null = null;
  const date = datePrefix.exec(body);
  if (date) {
    publishedOn = date[1] ?? null;
    body = body.slice(date[0].length);
  }
  const blocks = body
    .split(/\n[ \t]*\n+/u)
    .map((block) => block.replace(/\s*\n\s*/gu, " ").trim())
    .filter((block) => block.length > 0);
  return { publishedOn, blocks };
}

/** Parses an article's plain text into metadata, tiptap JSON and the plain text selectors index into. */
export function importArticleText(source: string): ImportedArticle {
  const { publishedOn, blocks: blockTexts } = splitArticleText(source);
  const blocks = blockTexts.map(toBlock);
  if (blocks.length === 0) throw new Error("The article has no text");
  const content: DocumentContent = { type: "doc", content: blocks };
  return { publishedOn, content, text: getDocumentText(content) };
}

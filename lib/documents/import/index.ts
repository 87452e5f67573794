import "server-only";

/**
 * Importing an article: text, Markdown, HTML (a fragment or a whole saved page) or a Word document → the content
 * Margin stores (lib/documents/content-schema.ts), its plain text, and the metadata the source carries. The one
 * entry point for new documents (lib/documents/service.ts) and new versions (lib/versions/). The converters are
 * pure modules beside this one: markdown.ts, web-page.ts, docx.ts, sanitize-html.ts, html-to-content.ts.
 */
import { importArticleText, splitArticleText } from "@/lib/documents/article-import";
import { documentContentSchema, collectTextBlocks, type BlockNode, type DocumentContent } from "@/lib/documents/content-schema";
import { decodeTextFile } from "@/lib/documents/import/decode";
import { docxToHtml } from "@/lib/documents/import/docx";
import { importTooLargeError, invalidImportError, noTextError, unsupportedFormatError, type ImportField } from "@/lib/documents/import/errors";
import { importLimits, isImportFormat, type ImportFormat } from "@/lib/documents/import/formats";
import { htmlToBlocks } from "@/lib/documents/import/html-to-content";
import { markdownNestsTooDeeply, markdownToHtml } from "@/lib/documents/import/markdown";
import { bylineMax, cleanLine, cleanPublishedOn, cleanSourceUrl, emptyMetadata, type ImportMetadata } from "@/lib/documents/import/metadata";
import { sanitizeArticleHtml } from "@/lib/documents/import/sanitize-html";
import { extractHtmlArticle } from "@/lib/documents/import/web-page";
import { documentLimits } from "@/lib/documents/schema";
import { getDocumentText } from "@/lib/documents/text-index";
import { findTextProblem } from "@/lib/validation/text";

export { formatFromFile, importFormats, importLimits, isImportFormat, jsonImportFormats, type ImportFormat } from "@/lib/documents/import/formats";

export type ImportInput = {
  format: ImportFormat;
  /** Pasted or sent text, or a file's bytes (a .docx always comes as bytes). */
  content: string | Uint8Array;
  /** The uploaded file's name, when the content is a file: errors then name the field `file`, else `content`. */
  fileName?: string;
};

export type ImportedDocument = ImportMetadata & {
  content: DocumentContent;
  /** The text selectors index into: `getDocumentText(content)`. */
  text: string;
};

type Converted = { blocks: BlockNode[]; metadata: ImportMetadata };

function byteLength(content: string | Uint8Array): number {
  return typeof content === "string" ? Buffer.byteLength(content, "utf8") : content.byteLength;
}

/** Text that a person sent or a file held: refused (not cleaned) when it has characters a document cannot store. */
function requireStorableText(text: string, field: ImportField): string {
  const problem = findTextProblem(text, { multiline: true });
  if (problem === null) return text;
  const label = { key: "validation.labels.article" } as const;
  throw invalidImportError(field, {
    key: problem === "lone_surrogate" ? "validation.text.loneSurrogate" : "validation.text.controlCharactersButLineBreaks",
    values: { label },
  });
}

/** Plain text as lib/documents/article-import.ts reads it (blank lines, subheadings, captions, a date line). */
function convertText(source: string, field: ImportField): Converted {
  const { publishedOn, blocks: paragraphs } = splitArticleText(source);
  const metadata = { ...emptyMetadata, publishedOn };
  if (paragraphs.length === 0) return { blocks: [], metadata };
  // Limits first: classifying blocks reads each one with regular expressions, so only a text of a document's size.
  requireWithinLimits(paragraphs.length, paragraphs.reduce((length, paragraph) => length + paragraph.length + 2, -2), field);
  return { blocks: importArticleText(source).content.content, metadata };
}

/** 422 when an article has more text blocks or more text than a document holds. */
function requireWithinLimits(blockCount: number, textLength: number, field: ImportField): void {
  if (blockCount > importLimits.blocksMax) {
    throw invalidImportError(field, { key: "validation.import.tooManyBlocks", values: { maximum: importLimits.blocksMax, count: blockCount } });
  }
  if (textLength > importLimits.textMax) {
    throw invalidImportError(field, { key: "validation.import.textTooLong", values: { maximum: importLimits.textMax, length: textLength } });
  }
}

function convertHtml(html: string, metadata: ImportMetadata, baseUrl: string | null = null): Converted {
  const sanitized = sanitizeArticleHtml(html, { baseUrl, knownTitle: metadata.title });
  return { blocks: htmlToBlocks(sanitized.html), metadata: { ...metadata, title: sanitized.title } };
}

async function convert(format: ImportFormat, content: string | Uint8Array, field: ImportField): Promise<Converted> {
  if (format === "docx") {
    // A Word document is binary: as text (JSON) it cannot be one.
    if (typeof content === "string") throw unsupportedFormatError();
    const { html, metadata } = await docxToHtml(content);
    return convertHtml(html, metadata);
  }
  const source = requireStorableText(typeof content === "string" ? content : decodeTextFile(content, { isHtml: format === "html" }), field);
  if (source.trim() === "") throw noTextError(field);
  if (format === "text") return convertText(source, field);
  if (format === "markdown") {
    if (markdownNestsTooDeeply(source)) throw invalidImportError(field, "validation.import.nestedTooDeeply");
    const { html, metadata } = markdownToHtml(source);
    // Relative links resolve against the article's own URL, when its front matter gives one.
    return convertHtml(html, metadata, metadata.sourceUrl);
  }
  const article = extractHtmlArticle(source);
  return convertHtml(article.html, article.metadata, article.baseUrl);
}

/** The content, checked against a document's limits and parsed as stored; 422 when nothing readable is left. */
function toDocumentContent(blocks: BlockNode[], field: ImportField): { content: DocumentContent; text: string } {
  if (blocks.length === 0) throw noTextError(field);
  const draft: DocumentContent = { type: "doc", content: blocks };
  const text = getDocumentText(draft);
  requireWithinLimits(collectTextBlocks(blocks).length, text.length, field);
  const parsed = documentContentSchema.safeParse(draft);
  if (!parsed.success) {
    // The converters build only what the schema holds; if one did not, say so rather than store it or answer 500.
    console.error("An import produced content outside the article schema", parsed.error);
    throw invalidImportError(field, "validation.import.unreadable");
  }
  return { content: parsed.data as DocumentContent, text };
}

/**
 * Imports an article: checks its size (413 beyond 5 MB) and format (415), converts it (a .docx that is not a Word
 * document: 415), sanitises it to the article schema and returns what a document or version stores, with the
 * metadata the source declares (title, byline, http(s) source URL, publication date "YYYY-MM-DD" or "YYYY-MM",
 * each null when absent). Nothing to import, more text or blocks than a document holds, or markup nested too deep
 * to read is a 422 naming `file` (with `fileName`) or `content`. Nothing is written: callers store the result.
 */
export async function importDocument(input: ImportInput): Promise<ImportedDocument> {
  const field: ImportField = input.fileName === undefined ? "content" : "file";
  if (!isImportFormat(input.format)) throw unsupportedFormatError();
  if (byteLength(input.content) > importLimits.maxBytes) throw importTooLargeError();
  let converted: Converted;
  try {
    converted = await convert(input.format, input.content, field);
  } catch (error) {
    // The parsers recurse on nesting; markup nested thousands deep (no article is) overflows the stack.
    if (error instanceof RangeError && /call stack/iu.test(error.message)) throw invalidImportError(field, "validation.import.nestedTooDeeply");
    throw error;
  }
  const { content, text } = toDocumentContent(converted.blocks, field);
  const { metadata } = converted;
  return {
    content,
    text,
    title: cleanLine(metadata.title, documentLimits.titleMax),
    byline: cleanLine(metadata.byline, bylineMax),
    sourceUrl: cleanSourceUrl(metadata.sourceUrl),
    publishedOn: cleanPublishedOn(metadata.publishedOn),
  };
}

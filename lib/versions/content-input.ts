import "server-only";

import { importArticleText, splitArticleText } from "@/lib/documents/article-import";
import { documentContentSchema, type DocumentContent } from "@/lib/documents/content-schema";
import { getDocumentText } from "@/lib/documents/text-index";
import { AppError } from "@/lib/errors";
import type { CreateVersionInput } from "@/lib/versions/schema";

/** A new version's text as the route read it: JSON `{ format, content, note?, baseVersion? }`. */
export type VersionSource = CreateVersionInput;

/** The content and plain text of a new version, and how it came in (stored on the version). */
export type VersionContent = { content: DocumentContent; text: string; format: string };

const contentField = "content";

function invalidContent(key: "validation.versions.content" | "validation.versions.empty"): AppError {
  return new AppError("validation_failed", "errors.versions.invalidContent", { fields: { [contentField]: key } });
}

/**
 * Turns what a client sent into the version's content: the editor's ProseMirror JSON checked against the
 * article schema (lib/documents/content-schema.ts), or text in the article format (lib/documents/article-import.ts).
 * A text with no words is a 422 on `content`: a version never empties a document.
 */
export async function contentFromVersionInput(source: VersionSource): Promise<VersionContent> {
  if (source.format === "json") {
    const parsed = documentContentSchema.safeParse(source.content);
    if (!parsed.success) throw invalidContent("validation.versions.content");
    const text = getDocumentText(parsed.data);
    if (text.trim() === "") throw invalidContent("validation.versions.empty");
    return { content: parsed.data, text, format: "editor" };
  }
  if (typeof source.content !== "string") throw invalidContent("validation.versions.content");
  if (source.format === "text") {
    if (splitArticleText(source.content).blocks.length === 0) throw invalidContent("validation.versions.empty");
    const article = importArticleText(source.content);
    return { content: article.content, text: article.text, format: "text" };
  }
  throw new AppError("unsupported_media_type", "errors.versions.formatNotYet", { fields: { format: "validation.versions.format" } });
}

import "server-only";

import { documentContentSchema, type DocumentContent } from "@/lib/documents/content-schema";
import { importDocument, type ImportFormat } from "@/lib/documents/import";
import { getDocumentText } from "@/lib/documents/text-index";
import { AppError } from "@/lib/errors";

/**
 * A new version's text as the route read it: the editor's ProseMirror JSON, or text, Markdown or HTML sent as JSON,
 * or a file uploaded (.txt, .md, .html, .docx) — with the note and the version the change was made on.
 */
export type VersionSource = { note?: string; baseVersion?: number } & (
  | { format: "json"; content: unknown }
  | { format: ImportFormat; content: string | Uint8Array; fileName?: string }
);

/** The content and plain text of a new version, and how it came in (stored on the version). */
export type VersionContent = { content: DocumentContent; text: string; format: string };

function invalidContent(key: "validation.versions.content" | "validation.versions.empty"): AppError {
  return new AppError("validation_failed", "errors.versions.invalidContent", { fields: { content: key } });
}

/**
 * Turns what a client sent into the version's content: the editor's JSON checked against the article schema
 * (lib/documents/content-schema.ts), or an import exactly as a new document's (lib/documents/import: sanitised,
 * whole web pages reduced to the article; 413/415/422 with the reason). A text with no words is a 422: a version
 * never empties a document. Nothing is written here.
 */
export async function contentFromVersionInput(source: VersionSource): Promise<VersionContent> {
  if (source.format === "json") {
    const parsed = documentContentSchema.safeParse(source.content);
    if (!parsed.success) throw invalidContent("validation.versions.content");
    const text = getDocumentText(parsed.data);
    if (text.trim() === "") throw invalidContent("validation.versions.empty");
    return { content: parsed.data, text, format: "editor" };
  }
  const imported = await importDocument({ format: source.format, content: source.content, fileName: source.fileName });
  return { content: imported.content, text: imported.text, format: source.format };
}

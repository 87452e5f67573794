import "server-only";

import { z } from "zod";

/**
 * Reading an import from a request: JSON (`format` and `content`, or the older `text`) or a `multipart/form-data`
 * upload (`file`, its format from its name and type). For the routes that add documents and versions.
 */
import { isMultipartRequest, readMultipartBody } from "@/lib/api/multipart";
import { isJsonContentType, readJsonBody } from "@/lib/api/route";
import { unsupportedFormatError, invalidImportError } from "@/lib/documents/import/errors";
import { formatFromFile, importLimits, jsonImportFormats, type ImportFormat } from "@/lib/documents/import/formats";
import { createDocumentFormFields, createDocumentInputSchema, type CreateDocumentInput } from "@/lib/documents/schema";
import { AppError } from "@/lib/errors";

/**
 * The most bytes of a JSON body with content to import: the content's limit (5 MB of UTF-8) with room for JSON's
 * escapes (a quote or line break takes two bytes) and the other fields. Larger content within it is refused by the
 * import itself, with the limit in its message.
 */
export const importJsonBodyMaxBytes = importLimits.maxBytes * 2 + 64 * 1024;
/** The most bytes of an upload: the file's limit and the form's own fields and boundaries. */
export const importFormBodyMaxBytes = importLimits.maxBytes + 64 * 1024;

const createDocumentFormSchema = z.object(createDocumentFormFields);

const tooLarge = { key: "errors.import.tooLarge", values: { maximum: importLimits.maxMegabytes } } as const;

/** A JSON body's `format` that is not one JSON can carry: 415 (a .docx comes as a file), before the schema's 422s. */
function requireJsonFormat(body: unknown): void {
  const format = body !== null && typeof body === "object" && "format" in body ? body.format : undefined;
  if (typeof format !== "string" || (jsonImportFormats as readonly string[]).includes(format)) return;
  if (format === "docx") throw new AppError("unsupported_media_type", "errors.import.docxAsFile", { fields: { format: "errors.import.docxAsFile" } });
  throw unsupportedFormatError();
}

/** An uploaded file: its name, format (415 when Margin does not read it) and bytes; 422 on `file` when missing. */
export async function readUploadedFile(form: FormData, field = "file"): Promise<{ fileName: string; format: ImportFormat; bytes: Uint8Array }> {
  const file = form.get(field);
  if (!(file instanceof File)) throw invalidImportError("file", "validation.import.fileRequired");
  const format = formatFromFile(file.name, file.type);
  if (format === null) throw unsupportedFormatError();
  if (file.size > importLimits.maxBytes) throw new AppError("payload_too_large", tooLarge);
  return { fileName: file.name, format, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** A form's text fields (a file where text belongs reads as absent), blank ones left out. */
function readFormText(form: FormData, names: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === "string" && value.trim() !== "") fields[name] = value;
  }
  return fields;
}

/**
 * A new document from a request to `POST /api/teams/{id}/documents`: JSON (see `createDocumentInputSchema`) or an
 * upload (`file`, with optional `title`, `byline`, `sourceUrl`, `publishedAt`, `lang` fields). Anything else is 415.
 */
export async function readCreateDocumentRequest(request: Request): Promise<CreateDocumentInput> {
  if (isMultipartRequest(request)) {
    const form = await readMultipartBody(request, { maxBodyBytes: importFormBodyMaxBytes, tooLarge, malformed: "errors.import.formUnreadable" });
    const fields = createDocumentFormSchema.parse(readFormText(form, Object.keys(createDocumentFormSchema.shape)));
    const { fileName, format, bytes } = await readUploadedFile(form);
    return {
      title: fields.title ?? null,
      source: { format, content: bytes, fileName },
      byline: fields.byline ?? null,
      sourceUrl: fields.sourceUrl ?? null,
      publishedOn: fields.publishedAt ?? null,
      lang: fields.lang,
    };
  }
  if (!isJsonContentType(request.headers.get("content-type"))) throw new AppError("unsupported_media_type", "errors.import.requestType");
  let body: unknown;
  try {
    body = await readJsonBody(request, z.unknown(), { maxBodyBytes: importJsonBodyMaxBytes });
  } catch (error) {
    // The same answer as content over the limit, naming it, rather than a bare "body too large".
    if (error instanceof AppError && error.code === "payload_too_large") throw new AppError("payload_too_large", tooLarge);
    throw error;
  }
  requireJsonFormat(body);
  return createDocumentInputSchema.parse(body);
}

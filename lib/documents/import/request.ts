import "server-only";

/**
 * Reading an import from a request: JSON (`format` and `content`, or the older `text`) or a `multipart/form-data`
 * upload (`file`, its format from its name and type). For the routes that add documents and versions: each piece
 * is exported so a route that takes other fields (a version's `note`) reads its body the same way.
 */
import { z } from "zod";

import { isMultipartRequest, readMultipartBody } from "@/lib/api/multipart";
import { isJsonContentType, readJsonBody } from "@/lib/api/route";
import { invalidImportError, unsupportedFormatError } from "@/lib/documents/import/errors";
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

const tooLarge = { key: "errors.import.tooLarge", values: { maximum: importLimits.maxMegabytes } } as const;

const createDocumentFormSchema = z.object(createDocumentFormFields);

/** 413 with the import's limit in the message, instead of the generic "body too large". */
function withImportSizeMessage(error: unknown): unknown {
  return error instanceof AppError && error.code === "payload_too_large" ? new AppError("payload_too_large", tooLarge) : error;
}

/** Whether the request sends an upload (`multipart/form-data`) rather than JSON. */
export { isMultipartRequest };

/**
 * A JSON body carrying an import, read within the import's size and answered 415 when its `format` is a string that
 * is not one of `formats` (a .docx must be uploaded), before the caller's schema checks the rest (422s). 415 also
 * when the body is not JSON at all.
 */
export async function readImportJsonBody(request: Request, { formats = jsonImportFormats }: { formats?: readonly string[] } = {}): Promise<unknown> {
  if (!isJsonContentType(request.headers.get("content-type"))) throw new AppError("unsupported_media_type", "errors.import.requestType");
  let body: unknown;
  try {
    body = await readJsonBody(request, z.unknown(), { maxBodyBytes: importJsonBodyMaxBytes });
  } catch (error) {
    throw withImportSizeMessage(error);
  }
  const format = body !== null && typeof body === "object" && "format" in body ? body.format : undefined;
  if (typeof format === "string" && !formats.includes(format)) {
    if (format === "docx") throw new AppError("unsupported_media_type", "errors.import.docxAsFile", { fields: { format: "errors.import.docxAsFile" } });
    throw unsupportedFormatError();
  }
  return body;
}

/** An upload's form, read within the import's size (413 naming the limit; 400 when it is not a readable form). */
export async function readImportForm(request: Request): Promise<FormData> {
  return readMultipartBody(request, { maxBodyBytes: importFormBodyMaxBytes, tooLarge, malformed: "errors.import.formUnreadable" });
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

/** A form's text fields by name (a file where text belongs reads as absent), blank ones left out. */
export function readFormText(form: FormData, names: readonly string[]): Record<string, string> {
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
  if (!isMultipartRequest(request)) return createDocumentInputSchema.parse(await readImportJsonBody(request));
  const form = await readImportForm(request);
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

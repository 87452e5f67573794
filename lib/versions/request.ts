import "server-only";

import { z } from "zod";

import { isMultipartRequest, readFormText, readImportForm, readImportJsonBody, readUploadedFile } from "@/lib/documents/import/request";
import { jsonImportFormats } from "@/lib/documents/import";
import type { VersionSource } from "@/lib/versions/content-input";
import { createVersionInputSchema } from "@/lib/versions/schema";

const versionFormFields = z.object({
  note: createVersionInputSchema.shape.note,
  baseVersion: z.coerce.number().pipe(createVersionInputSchema.shape.baseVersion.unwrap()).optional(),
});

/**
 * A new version from a request to `POST /api/documents/{id}/versions`: JSON `{ format, content, note?, baseVersion? }`
 * (format json for the editor, or text, markdown, html) or an upload (`file`, with optional `note` and `baseVersion`
 * fields), read within the import's limits (413 naming the limit, 415 for what Margin does not read).
 */
export async function readCreateVersionRequest(request: Request): Promise<VersionSource> {
  if (!isMultipartRequest(request)) {
    return createVersionInputSchema.parse(await readImportJsonBody(request, { formats: [...jsonImportFormats, "json"] })) as VersionSource;
  }
  const form = await readImportForm(request);
  const fields = versionFormFields.parse(readFormText(form, ["note", "baseVersion"]));
  const { fileName, format, bytes } = await readUploadedFile(form);
  return { format, content: bytes, fileName, note: fields.note, baseVersion: fields.baseVersion };
}

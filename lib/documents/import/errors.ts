/**
 * The import's answers to input it cannot take, each an AppError with a status and a message that says what to
 * do: 413 too large, 415 not a format Margin reads (or not a real Word file), 422 naming the field (`content` for
 * pasted text, `file` for an upload) when there is nothing to import or more than a document holds.
 */
import { importLimits } from "@/lib/documents/import/formats";
import { AppError } from "@/lib/errors";
import type { MessageInput } from "@/lib/i18n/localized-message";

/** The request field an import's content came from. */
export type ImportField = "content" | "file";

export function importTooLargeError(): AppError {
  return new AppError("payload_too_large", { key: "errors.import.tooLarge", values: { maximum: importLimits.maxMegabytes } });
}

export function unpackedTooLargeError(): AppError {
  return new AppError("payload_too_large", "errors.import.unpackedTooLarge");
}

export function unsupportedFormatError(): AppError {
  return new AppError("unsupported_media_type", "errors.import.unsupportedFormat", { fields: { format: "errors.import.unsupportedFormat" } });
}

export function notWordDocumentError(): AppError {
  return new AppError("unsupported_media_type", "errors.import.notWordDocument", { fields: { file: "errors.import.notWordDocument" } });
}

/** A 422 whose message is also the field's. */
export function invalidImportError(field: ImportField, message: MessageInput): AppError {
  return new AppError("validation_failed", message, { fields: { [field]: message } });
}

export function noTextError(field: ImportField): AppError {
  return invalidImportError(field, field === "file" ? "validation.import.fileHasNoText" : "validation.import.contentHasNoText");
}

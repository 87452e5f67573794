/**
 * A failed request's messages, sorted for a form: those about a field the form shows go beside that field, the
 * rest (or the whole message, when no field is named) above the form.
 */
import { ApiError, describeApiError } from "@/lib/api/client";
import type { Translate } from "@/lib/i18n/localized-message";

export type FormFailure<Field extends string> = {
  /** Said above the form; null when every problem sits beside its field. */
  message: string | null;
  fields: Partial<Record<Field, string>>;
};

/** The API's `details.fields`, when it sent any: { field: message }. */
function fieldMessages(details: Record<string, unknown> | undefined): Record<string, string> {
  const fields = details?.fields;
  if (typeof fields !== "object" || fields === null) return {};
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * Sorts `error` (from lib/api/client.ts or components/documents/import/post-document.ts) for a form showing
 * `shownFields`; `aliases` names the form's field for one the API names otherwise (`content` → the paste area).
 */
export function toFormFailure<Field extends string>(
  error: unknown,
  translate: Translate,
  shownFields: readonly Field[],
  aliases: Partial<Record<string, Field>> = {},
): FormFailure<Field> {
  if (!(error instanceof ApiError)) return { message: error instanceof Error ? error.message : String(error), fields: {} };
  const fields: Partial<Record<Field, string>> = {};
  const unplaced: string[] = [];
  for (const [name, message] of Object.entries(fieldMessages(error.details))) {
    const field = aliases[name] ?? (shownFields as readonly string[]).find((shown) => shown === name);
    if (field && fields[field as Field] === undefined) fields[field as Field] = message;
    else unplaced.push(message);
  }
  const placedAny = Object.keys(fields).length > 0;
  return { message: placedAny ? (unplaced.length > 0 ? unplaced.join(" ") : null) : describeApiError(error, translate), fields };
}

/**
 * Zod messages in every language. Schemas are built once and shared by the server and the browser, so a schema
 * cannot know the language of whoever it will refuse; its messages are written as message keys
 * (`validationMessage("validation.tags.nameEmpty")`), which zod stores as their English text — what the browser's
 * own checks, the logs and the tests read, as before. That text is remembered with the key it came from, so an
 * issue can be put into another language afterwards (`localizeIssue`), from the issue alone.
 *
 * Zod's own messages (a wrong type, a number out of range, an unknown key: what an API client gets wrong rather
 * than a person filling in a form) stay zod's English and, in Dutch, are zod's Dutch locale.
 */
// Named imports rather than `z.locales`, `z.config`…: Turbopack's browser and SSR bundles have lost members of
// the `z` namespace before (lib/validation/text.ts).
import { config, locales, util, type z } from "zod";

import { renderEnglish, renderMessage, type LocalizedMessage, type MessageKey, type Translate } from "@/lib/i18n/localized-message";
import type { Locale } from "@/lib/i18n/locales";

export type ValidationKey = Extract<MessageKey, `validation.${string}`>;
/** How a message names a field: "A tag name", "Een tagnaam". */
export type FieldLabelKey = Extract<MessageKey, `validation.labels.${string}`>;

/** English text → the message it was rendered from. */
const messagesByEnglishText = new Map<string, LocalizedMessage>();

/**
 * A schema's message: the English text of `key` (with `values`), remembered so `localizeIssue` can render it in
 * another language. Values are the schema's own (limits, labels), never the input, so what is remembered is bounded
 * by the schemas.
 */
export function validationMessage(key: ValidationKey, values?: LocalizedMessage["values"]): string {
  const message: LocalizedMessage = values ? { key, values } : { key };
  const text = renderEnglish(message);
  const known = messagesByEnglishText.get(text);
  // Two keys with the same English could differ in Dutch: the issue could not say which one it was.
  if (known && known.key !== key) throw new Error(`validation messages ${known.key} and ${key} read the same in English: "${text}"`);
  messagesByEnglishText.set(text, message);
  return text;
}

/** The message a schema gave for an issue's text, if it gave one through `validationMessage`. */
export function findValidationMessage(text: string): LocalizedMessage | undefined {
  return messagesByEnglishText.get(text);
}

const zodLocales: Record<Exclude<Locale, "en">, z.core.$ZodErrorMap> = { nl: locales.nl().localeError };

/**
 * An issue's message in `locale`: the schema's message rendered with `translate`, else zod's own message (as zod
 * wrote it in English, else from zod's locale for that language). Works in the browser too, with
 * `useTranslations()` as `translate`.
 */
export function localizeIssue(issue: z.core.$ZodIssue, locale: Locale, translate: Translate): string {
  const message = findValidationMessage(issue.message);
  if (message) return renderMessage(message, translate);
  if (locale === "en") return issue.message;
  const localized = zodLocales[locale](issue as z.core.$ZodRawIssue);
  return (typeof localized === "string" ? localized : localized?.message) ?? issue.message;
}

/**
 * A wrong type: zod names what it received from the input, which a finished issue no longer carries, so its Dutch
 * locale could not. This error map (installed below, for every schema without a message of its own) words it as
 * zod's English does, from a message key: both languages then name what was received. The names are type names
 * ("string", "array", a built-in class), so what is remembered stays bounded.
 */
function invalidTypeMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "invalid_type") return undefined;
  return validationMessage("validation.invalidType", { expected: typeName(issue.expected), received: receivedTypeName(issue.input) });
}

/** zod's English name for a type (lib zod/v4/locales/en.js: "nan" reads "NaN"). */
function typeName(type: string): string {
  return type === "nan" ? "NaN" : type;
}

/** What zod's English calls the type of a value: `NaN` and `Infinity` by themselves, a class by its name. */
function receivedTypeName(input: unknown): string {
  if (typeof input === "number" && !Number.isFinite(input)) return String(input);
  return util.parsedType(input);
}

config({ customError: invalidTypeMessage });

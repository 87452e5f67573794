import { ZodError } from "zod";

import { AppError, localizeIssues } from "@/lib/errors";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { getTranslate } from "@/lib/i18n/translators";

/** What a form's server action returns to the form: a message, per-field errors, or success. */
export type ActionState = {
  ok?: boolean;
  message?: string;
  fields?: Record<string, string>;
};

/**
 * Turns an expected failure (an AppError from lib/, or a ZodError from parsing the form) into form state, its
 * messages in `locale` (a server action passes next-intl's `await getLocale()`: the page's language); anything
 * else is rethrown, to reach the error boundary and the server log.
 */
export function toActionState(error: unknown, locale: Locale = defaultLocale): ActionState {
  if (error instanceof AppError) {
    const { message, details } = error.describe(getTranslate(locale));
    const fields = details?.fields;
    return { message, fields: fields && typeof fields === "object" ? (fields as Record<string, string>) : undefined };
  }
  if (error instanceof ZodError) {
    const issues = localizeIssues(error, locale);
    const fields: Record<string, string> = {};
    for (const issue of issues) {
      const key = String(issue.path[0] ?? "form");
      fields[key] ??= issue.message;
    }
    return { message: issues[0]?.message, fields };
  }
  throw error;
}

/**
 * Reads a form's text fields into a plain object for zod. A server action can be called with any arguments, not
 * only the form's FormData: anything else reads as a form without fields, which the schema then refuses.
 */
export function formFields<const Name extends string>(formData: unknown, names: readonly Name[]): Record<Name, string | undefined> {
  const read = (name: Name) => {
    const value = formData instanceof FormData ? formData.get(name) : null;
    return typeof value === "string" ? value : undefined;
  };
  return Object.fromEntries(names.map((name) => [name, read(name)])) as Record<Name, string | undefined>;
}

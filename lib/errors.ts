import pg from "pg";
import { ZodError, type z } from "zod";

import { Prisma } from "@/lib/generated/prisma/client";
import { renderEnglish, renderMessage, toLocalizedMessage, type LocalizedMessage, type MessageInput, type Translate } from "@/lib/i18n/localized-message";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { getTranslate } from "@/lib/i18n/translators";
import { localizeIssue } from "@/lib/validation/messages";

/** Codes every entry point understands; each maps to one HTTP status. */
export const errorStatus = {
  bad_request: 400,
  validation_failed: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** What an AppError may carry besides its message: field errors (as messages) and data for the client. */
export type AppErrorDetails = { fields?: Record<string, MessageInput>; [name: string]: unknown };

/**
 * The one error type services throw. Its message (and each field error) is a message key, answered in the
 * request's language (`toErrorResponseBody`, `toActionState`); `message` and `details.fields` hold the English
 * text, for logs and for code that reads them.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  readonly localizedMessage: LocalizedMessage;
  readonly localizedFields?: Readonly<Record<string, LocalizedMessage>>;

  constructor(code: ErrorCode, message: MessageInput, details?: AppErrorDetails) {
    const localizedMessage = toLocalizedMessage(message);
    super(renderEnglish(localizedMessage));
    this.name = "AppError";
    this.code = code;
    this.localizedMessage = localizedMessage;
    if (details?.fields) this.localizedFields = mapValues(details.fields, toLocalizedMessage);
    this.details = details && (this.localizedFields ? { ...details, fields: mapValues(this.localizedFields, renderEnglish) } : details);
  }

  get status(): number {
    return errorStatus[this.code];
  }

  /** The message and details in the language of `translate`. */
  describe(translate: Translate): { message: string; details?: Record<string, unknown> } {
    const message = renderMessage(this.localizedMessage, translate);
    if (!this.details) return { message };
    const fields = this.localizedFields && mapValues(this.localizedFields, (field) => renderMessage(field, translate));
    return { message, details: fields ? { ...this.details, fields } : this.details };
  }
}

function mapValues<From, To>(record: Readonly<Record<string, From>>, map: (value: From) => To): Record<string, To> {
  return Object.fromEntries(Object.entries(record).map(([name, value]) => [name, map(value)]));
}

/** Not found and not allowed look the same from outside: both are this 404. */
export function notFound(what: MessageInput = "errors.notFound"): AppError {
  return new AppError("not_found", what);
}

export type ErrorBody = { error: { code: ErrorCode; message: string; details?: Record<string, unknown> } };

/**
 * `details.reason` of a 422 the database gave rather than a schema (see `toDatabaseInputError`). Input schemas
 * should refuse such values first; the fuzz test (e2e/security/fuzz.spec.ts) counts these and expects none.
 */
export const databaseRejectedValueReason = "database_rejected_value";

/**
 * SQLSTATEs (and Prisma's codes for them) that mean "this value cannot be stored": a string too long for its
 * column, a number out of range, a malformed date, uuid or text (NUL, invalid UTF-8). They are caused by input,
 * so they are the client's 422, not our 500.
 */
const valueRejectedCodes = new Set(["P2000", "P2020", "22001", "22003", "22007", "22008", "22021", "22P02", "22P05"]);
/** A foreign key that no longer resolves: what the request refers to was deleted meanwhile (a race). */
const missingReferenceCodes = new Set(["P2003", "23503"]);

/**
 * The database's code for an error: Prisma's `P…` code, or the PostgreSQL SQLSTATE of a query on the pg pool
 * (lib/db.ts) or of one Prisma's driver adapter has no code for (it passes those through as DriverAdapterError,
 * by that name, with the SQLSTATE in its cause).
 */
function getDatabaseErrorCode(error: unknown): string | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code;
  if (error instanceof pg.DatabaseError) return error.code ?? null;
  if (error instanceof Error && error.name === "DriverAdapterError") {
    const cause = error.cause as { kind?: unknown; code?: unknown } | undefined;
    if (cause?.kind === "postgres" && typeof cause.code === "string") return cause.code;
  }
  return null;
}

/**
 * Maps any thrown value to a status and a JSON body, its messages in `locale` (the code never changes: clients
 * branch on it). AppError keeps its code; zod errors become 422 with field issues; Prisma's unique violation 409
 * and "record not found" 404; a value the database cannot store 422 and a reference that no longer resolves 409
 * (a safety net behind the input schemas, logged). Anything else is logged with its cause and answered with a
 * generic 500, so internals never leak.
 */
export function toErrorResponseBody(error: unknown, locale: Locale = defaultLocale): { status: number; body: ErrorBody } {
  const translate = getTranslate(locale);
  const body = (code: ErrorCode, message: MessageInput, details?: Record<string, unknown>): { status: number; body: ErrorBody } => ({
    status: errorStatus[code],
    body: { error: { code, message: renderMessage(message, translate), ...(details ? { details } : {}) } },
  });
  if (error instanceof AppError) {
    const { message, details } = error.describe(translate);
    return { status: error.status, body: { error: { code: error.code, message, ...(details ? { details } : {}) } } };
  }
  if (error instanceof ZodError) {
    const issues = localizeIssues(error, locale, translate);
    const details = { issues: issues.map(({ path, message }) => ({ path: path.join("."), message })), fields: toFieldMessages(issues) };
    return { status: errorStatus.validation_failed, body: { error: { code: "validation_failed", message: issues[0]?.message ?? renderMessage("errors.invalidInput", translate), details } } };
  }
  const databaseCode = getDatabaseErrorCode(error);
  if (databaseCode === "P2002" || databaseCode === "23505") return body("conflict", "errors.alreadyExists");
  if (databaseCode === "P2025") return body("not_found", "errors.notFound");
  if (databaseCode !== null && missingReferenceCodes.has(databaseCode)) {
    console.warn("Reference no longer resolves", error);
    return body("conflict", "errors.referenceGone");
  }
  if (databaseCode !== null && valueRejectedCodes.has(databaseCode)) {
    // The input schema should have refused this value: the log says which query let it through.
    console.warn("A value reached the database unchecked", error);
    return body("validation_failed", "errors.valueCannotBeStored", { reason: databaseRejectedValueReason });
  }
  console.error("Unhandled error", error);
  return body("internal", "errors.internal");
}

/** A zod error's issues with their messages in `locale` (lib/validation/messages.ts). */
export function localizeIssues(error: ZodError, locale: Locale, translate: Translate = getTranslate(locale)): { path: z.core.$ZodIssue["path"]; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path, message: localizeIssue(issue, locale, translate) }));
}

/** The first message for each field (dotted path) of a zod error's issues, as forms and API clients show them. */
function toFieldMessages(issues: { path: z.core.$ZodIssue["path"]; message: string }[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.join(".");
    if (path !== "") fields[path] ??= issue.message;
  }
  return fields;
}

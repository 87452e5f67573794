import pg from "pg";
import { ZodError } from "zod";

import { Prisma } from "@/lib/generated/prisma/client";

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

/** The one error type services throw. `details` may carry field errors for forms and API clients. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

/** Not found and not allowed look the same from outside: both are this 404. */
export function notFound(what = "Not found"): AppError {
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
 * Maps any thrown value to a status and a JSON body. AppError keeps its code; zod errors become 422 with
 * field issues; Prisma's unique violation 409 and "record not found" 404; a value the database cannot store
 * 422 and a reference that no longer resolves 409 (a safety net behind the input schemas, logged). Anything
 * else is logged with its cause and answered with a generic 500, so internals never leak.
 */
export function toErrorResponseBody(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } },
    };
  }
  if (error instanceof ZodError) {
    return {
      status: errorStatus.validation_failed,
      body: {
        error: {
          code: "validation_failed",
          message: error.issues[0]?.message ?? "Invalid input",
          details: { issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })), fields: toFieldMessages(error) },
        },
      },
    };
  }
  const databaseCode = getDatabaseErrorCode(error);
  if (databaseCode === "P2002" || databaseCode === "23505") {
    return { status: 409, body: { error: { code: "conflict", message: "That already exists" } } };
  }
  if (databaseCode === "P2025") {
    return { status: 404, body: { error: { code: "not_found", message: "Not found" } } };
  }
  if (databaseCode !== null && missingReferenceCodes.has(databaseCode)) {
    console.warn("Reference no longer resolves", error);
    return { status: 409, body: { error: { code: "conflict", message: "Something this refers to no longer exists" } } };
  }
  if (databaseCode !== null && valueRejectedCodes.has(databaseCode)) {
    // The input schema should have refused this value: the log says which query let it through.
    console.warn("A value reached the database unchecked", error);
    return {
      status: errorStatus.validation_failed,
      body: { error: { code: "validation_failed", message: "A value in the request cannot be stored", details: { reason: databaseRejectedValueReason } } },
    };
  }
  console.error("Unhandled error", error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side" } } };
}

/** The first message for each field (dotted path) a zod error names, as forms and API clients show them. */
function toFieldMessages(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".");
    if (path !== "") fields[path] ??= issue.message;
  }
  return fields;
}

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
 * Maps any thrown value to a status and a JSON body. AppError keeps its code; zod errors become 422 with
 * field issues; Prisma's unique violation 409 and "record not found" 404. Anything else is logged with its
 * cause and answered with a generic 500, so internals never leak.
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
          details: { issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) },
        },
      },
    };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2002") {
      return { status: 409, body: { error: { code: "conflict", message: "That already exists" } } };
    }
    if (error.code === "P2025") {
      return { status: 404, body: { error: { code: "not_found", message: "Not found" } } };
    }
  }
  console.error("Unhandled error", error);
  return { status: 500, body: { error: { code: "internal", message: "Something went wrong on our side" } } };
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { AppError, errorStatus, notFound, toErrorResponseBody, type ErrorCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

afterEach(() => {
  vi.restoreAllMocks();
});

function prismaError(code: string, message = "Unique constraint failed on the fields: (`email`)") {
  return new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "test", meta: { target: ["email"] } });
}

const expectedStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

describe("toErrorResponseBody: AppError", () => {
  it.each(Object.entries(expectedStatus).map(([code, status]) => ({ code: code as ErrorCode, status })))(
    "$code → $status, with its message",
    ({ code, status }) => {
      const error = new AppError(code, `Message for ${code}`);
      expect(error.status).toBe(status);
      expect(toErrorResponseBody(error)).toEqual({ status, body: { error: { code, message: `Message for ${code}` } } });
    },
  );

  it("the table above covers every code", () => {
    expect(Object.keys(errorStatus).sort()).toEqual(Object.keys(expectedStatus).sort());
  });

  it("passes details through when there are some", () => {
    const error = new AppError("validation_failed", "Unknown tag: x", { fields: { tags: "Not a tag of this team: x" } });
    expect(toErrorResponseBody(error).body.error.details).toEqual({ fields: { tags: "Not a tag of this team: x" } });
  });

  it("notFound() is a 404 AppError", () => {
    const error = notFound("Claim not found");
    expect(error).toBeInstanceOf(AppError);
    expect(toErrorResponseBody(error)).toEqual({ status: 404, body: { error: { code: "not_found", message: "Claim not found" } } });
  });
});

describe("toErrorResponseBody: zod", () => {
  it("→ 422 with every issue and its dotted path", () => {
    const schema = z.object({ body: z.string().min(1, "A comment cannot be empty"), target: z.object({ start: z.int() }) });
    const result = schema.safeParse({ body: "", target: { start: 1.5 } });
    if (result.success) throw new Error("expected the parse to fail");
    const { status, body } = toErrorResponseBody(result.error);
    expect(status).toBe(422);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.message).toBe("A comment cannot be empty");
    expect(body.error.details).toEqual({
      issues: [
        { path: "body", message: "A comment cannot be empty" },
        { path: "target.start", message: expect.any(String) },
      ],
    });
  });
});

describe("toErrorResponseBody: Prisma", () => {
  it("unique violation (P2002) → 409 conflict, without the database's message", () => {
    const { status, body } = toErrorResponseBody(prismaError("P2002"));
    expect(status).toBe(409);
    expect(body.error.code).toBe("conflict");
    expect(JSON.stringify(body)).not.toContain("email");
  });

  it("record not found (P2025) → 404", () => {
    expect(toErrorResponseBody(prismaError("P2025", "No record was found for an update."))).toEqual({
      status: 404,
      body: { error: { code: "not_found", message: "Not found" } },
    });
  });

  it("any other known Prisma error → 500, logged", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = prismaError("P2003", "Foreign key constraint violated on claims_author_id_fkey");
    const { status, body } = toErrorResponseBody(error);
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("claims_author_id_fkey");
    expect(log).toHaveBeenCalledWith(expect.any(String), error);
  });
});

describe("toErrorResponseBody: anything else", () => {
  it.each([
    { name: "an Error", thrown: new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2") },
    { name: "a TypeError", thrown: new TypeError("Cannot read properties of undefined (reading 'secret')") },
    { name: "a string", thrown: "password=hunter2" },
    { name: "undefined", thrown: undefined },
    { name: "an object posing as an AppError", thrown: { code: "not_found", message: "secret", status: 404 } },
  ])("$name → 500 with a generic message, cause logged", ({ thrown }) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(toErrorResponseBody(thrown)).toEqual({
      status: 500,
      body: { error: { code: "internal", message: "Something went wrong on our side" } },
    });
    expect(log).toHaveBeenCalledWith(expect.any(String), thrown);
  });
});

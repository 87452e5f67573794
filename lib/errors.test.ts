import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { AppError, databaseRejectedValueReason, errorStatus, notFound, toErrorResponseBody, type ErrorCode } from "@/lib/errors";
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
  unsupported_media_type: 415,
  validation_failed: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

describe("toErrorResponseBody: AppError", () => {
  it.each(Object.entries(expectedStatus).map(([code, status]) => ({ code: code as ErrorCode, status })))(
    "$code → $status, with its message",
    ({ code, status }) => {
      const error = new AppError(code, "errors.teams.notFound");
      expect(error.status).toBe(status);
      expect(toErrorResponseBody(error)).toEqual({ status, body: { error: { code, message: "Team not found" } } });
    },
  );

  it("the table above covers every code", () => {
    expect(Object.keys(errorStatus).sort()).toEqual(Object.keys(expectedStatus).sort());
  });

  it("passes details through when there are some", () => {
    const error = new AppError(
      "validation_failed",
      { key: "errors.claims.unknownTags", values: { count: 1, names: "x" } },
      { fields: { tags: { key: "errors.claims.notTeamTags", values: { names: "x" } } }, code: "unknown_tag" },
    );
    expect(toErrorResponseBody(error).body.error).toMatchObject({
      message: "Unknown tag: x",
      details: { fields: { tags: "Not a tag of this team: x" }, code: "unknown_tag" },
    });
  });

  it("notFound() is a 404 AppError", () => {
    const error = notFound("errors.claims.notFound");
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
      fields: { body: "A comment cannot be empty", "target.start": expect.any(String) },
    });
  });

  it("a body that is not an object → 422 with the issue at the root, and no fields", () => {
    const result = z.object({ name: z.string() }).safeParse([1, 2]);
    if (result.success) throw new Error("expected the parse to fail");
    const { status, body } = toErrorResponseBody(result.error);
    expect(status).toBe(422);
    expect(body.error.details).toEqual({ issues: [{ path: "", message: expect.any(String) }], fields: {} });
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

  it("foreign key violation (P2003) → 409 conflict (what it refers to was deleted meanwhile), logged", () => {
    const log = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const error = prismaError("P2003", "Foreign key constraint violated on claims_author_id_fkey");
    const { status, body } = toErrorResponseBody(error);
    expect(status).toBe(409);
    expect(body.error.code).toBe("conflict");
    expect(JSON.stringify(body)).not.toContain("claims_author_id_fkey");
    expect(log).toHaveBeenCalledWith(expect.any(String), error);
  });

  it.each([
    { name: "value too long for its column (P2000)", error: prismaError("P2000", "The provided value for the column is too long") },
    { name: "number out of range (P2020)", error: prismaError("P2020", "Value out of range for the type") },
  ])("$name → 422 marked as refused by the database, logged", ({ error }) => {
    const log = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(toErrorResponseBody(error)).toEqual({
      status: 422,
      body: { error: { code: "validation_failed", message: "A value in the request cannot be stored", details: { reason: databaseRejectedValueReason } } },
    });
    expect(log).toHaveBeenCalledWith(expect.any(String), error);
  });

  it("any other known Prisma error → 500, logged", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = prismaError("P2011", "Null constraint violation on the fields: (`team_id`)");
    const { status, body } = toErrorResponseBody(error);
    expect(status).toBe(500);
    expect(body.error.code).toBe("internal");
    expect(JSON.stringify(body)).not.toContain("team_id");
    expect(log).toHaveBeenCalledWith(expect.any(String), error);
  });
});

/** An error as Prisma's driver adapter passes on a PostgreSQL error it has no Prisma code for. */
function driverAdapterError(sqlState: string, message: string): Error {
  const error = new Error(message, { cause: { kind: "postgres", code: sqlState, originalCode: sqlState, originalMessage: message } });
  error.name = "DriverAdapterError";
  return error;
}

/** An error as the pg driver throws it for a query on the pool (lib/db.ts). */
function pgError(sqlState: string, message: string): Error {
  const error = new pg.DatabaseError(message, message.length, "error");
  error.code = sqlState;
  return error;
}

describe("toErrorResponseBody: PostgreSQL errors (behind Prisma's adapter, or from the pg pool)", () => {
  it.each([
    { name: "NUL in text (22021) via the adapter", error: driverAdapterError("22021", 'invalid byte sequence for encoding "UTF8": 0x00'), status: 422 },
    { name: "malformed uuid (22P02) on the pool", error: pgError("22P02", 'invalid input syntax for type uuid: "x"'), status: 422 },
    { name: "integer out of range (22003) on the pool", error: pgError("22003", 'value "9999999999" is out of range for type integer'), status: 422 },
    { name: "timestamp out of range (22008) via the adapter", error: driverAdapterError("22008", "timestamp out of range"), status: 422 },
    { name: "foreign key violation (23503) on the pool", error: pgError("23503", "insert or update violates foreign key constraint"), status: 409 },
    { name: "unique violation (23505) on the pool", error: pgError("23505", "duplicate key value violates unique constraint"), status: 409 },
  ])("$name → $status, without the database's message", ({ error, status }) => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const result = toErrorResponseBody(error);
    expect(result.status).toBe(status);
    expect(JSON.stringify(result.body)).not.toContain(error.message);
  });

  it.each([
    { name: "a syntax error (42601) on the pool", error: pgError("42601", "syntax error at or near"), },
    { name: "a deadlock (40P01) via the adapter", error: driverAdapterError("40P01", "deadlock detected") },
    { name: "an Error that only calls itself DriverAdapterError, without a postgres cause", error: Object.assign(new Error("x"), { name: "DriverAdapterError" }) },
  ])("$name → 500, logged", ({ error }) => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(toErrorResponseBody(error).status).toBe(500);
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

describe("toErrorResponseBody: in the request's language", () => {
  it("an AppError: the same code and status, the message and field errors in Dutch, other details kept", () => {
    const error = new AppError(
      "conflict",
      { key: "errors.tags.nameTaken", values: { name: "military" } },
      { fields: { name: { key: "errors.tags.nameExists", values: { name: "military" } } }, reason: "kept" },
    );
    expect(error.message).toBe("This team already has a tag named “military”. Tag names must differ by more than case.");
    expect(error.details).toEqual({ fields: { name: "“military” already exists" }, reason: "kept" });
    expect(toErrorResponseBody(error, "nl")).toEqual({
      status: 409,
      body: {
        error: {
          code: "conflict",
          message: "Dit team heeft al een tag met de naam “military”. Tagnamen moeten meer verschillen dan alleen in hoofdletters.",
          details: { fields: { name: "“military” bestaat al" }, reason: "kept" },
        },
      },
    });
  });

  it.each([
    { name: "a role's name, lower-cased inside the sentence", error: new AppError("forbidden", { key: "errors.invites.cannotInviteRole", values: { role: { key: "roles.MEMBER", lowercase: true } } }), en: "Your role cannot invite a member", nl: "Met jouw rol kun je geen lid uitnodigen" },
    { name: "a plural", error: new AppError("validation_failed", { key: "errors.claims.unknownTags", values: { count: 2, names: "a, b" } }), en: "Unknown tags: a, b", nl: "Onbekende tags: a, b" },
    { name: "a wait under a minute", error: new AppError("rate_limited", { key: "errors.auth.rateLimited", values: { minutes: 0 } }), en: "Too many attempts. Try again in a minute.", nl: "Te veel pogingen. Probeer het over een minuut opnieuw." },
    { name: "a wait of minutes", error: new AppError("rate_limited", { key: "errors.auth.rateLimited", values: { minutes: 15 } }), en: "Too many attempts. Try again in 15 minutes.", nl: "Te veel pogingen. Probeer het over 15 minuten opnieuw." },
    {
      name: "a list of sentences",
      error: new AppError("validation_failed", { key: "errors.password.tooEasy", values: { advice: [{ key: "errors.password.warnings.dates" }, { key: "errors.password.suggestions.recentYears" }] } }),
      en: "This password is too easy to guess. Dates are easy to guess. Avoid recent years.",
      nl: "Dit wachtwoord is te makkelijk te raden. Datums zijn makkelijk te raden. Vermijd recente jaartallen.",
    },
  ])("$name", ({ error, en, nl }) => {
    expect(error.message).toBe(en);
    expect(toErrorResponseBody(error, "en").body.error.message).toBe(en);
    expect(toErrorResponseBody(error, "nl").body.error.message).toBe(nl);
  });

  it("a zod error: every issue and field in Dutch", () => {
    const result = z.object({ name: z.string(), reason: z.string().max(1) }).safeParse({ name: 1, reason: "ab" });
    if (result.success) throw new Error("expected the parse to fail");
    const { body } = toErrorResponseBody(result.error, "nl");
    expect(body.error.message).toBe("Ongeldige invoer: string verwacht, number ontvangen");
    expect(body.error.details).toEqual({
      issues: [
        { path: "name", message: "Ongeldige invoer: string verwacht, number ontvangen" },
        { path: "reason", message: "Te lang: verwacht dat string <=1 tekens heeft" },
      ],
      fields: { name: "Ongeldige invoer: string verwacht, number ontvangen", reason: "Te lang: verwacht dat string <=1 tekens heeft" },
    });
  });

  it("the database safety net and the 500 in Dutch", () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(toErrorResponseBody(prismaError("P2002"), "nl").body.error).toEqual({ code: "conflict", message: "Dat bestaat al" });
    expect(toErrorResponseBody(prismaError("P2000"), "nl").body.error).toEqual({
      code: "validation_failed",
      message: "Een waarde in het verzoek kan niet worden opgeslagen",
      details: { reason: databaseRejectedValueReason },
    });
    expect(toErrorResponseBody(new Error("boom"), "nl").body.error).toEqual({ code: "internal", message: "Er ging aan onze kant iets mis" });
  });
});

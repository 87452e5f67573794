import "server-only";

import type { z } from "zod";

import { requireRequestActor, type Actor } from "@/lib/auth/actor";
import { getRetryAfterSeconds } from "@/lib/auth/rate-limit";
import { AppError, toErrorResponseBody } from "@/lib/errors";

/** Request bodies larger than this are refused with 413 before parsing, unless a route allows more. */
const defaultMaxBodyBytes = 64 * 1024;

const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A JSON response. */
export function jsonResponse(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

/** The JSON error response for any thrown value (see lib/errors.ts); 429s also say when to retry. */
export function errorResponse(error: unknown): Response {
  const { status, body } = toErrorResponseBody(error);
  const response = jsonResponse(body, status);
  const retryAfterSeconds = getRetryAfterSeconds(error);
  if (retryAfterSeconds !== null) response.headers.set("Retry-After", String(Math.ceil(retryAfterSeconds)));
  return response;
}

/**
 * Cross-site request forgery guard for cookie-authenticated mutations: a browser always sends `Origin` on
 * these, so a foreign origin (or a cross-site fetch per Sec-Fetch-Site) is refused. Non-browser clients that
 * send neither are allowed; they hold the cookie themselves.
 */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin !== null) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null; // "null" or garbage: not our origin.
    }
    if (originHost === null || originHost !== host) throw new AppError("forbidden", "Cross-origin request refused");
  } else if (request.headers.get("sec-fetch-site") === "cross-site") {
    throw new AppError("forbidden", "Cross-origin request refused");
  }
}

/** Reads and validates a JSON body: 413 when too large, 400 when not JSON, 422 when it fails `schema`. */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBodyBytes = defaultMaxBodyBytes }: { maxBodyBytes?: number } = {},
): Promise<z.infer<Schema>> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > maxBodyBytes) throw new AppError("payload_too_large", "Request body is too large");
  const raw = await request.text();
  if (raw.length > maxBodyBytes) throw new AppError("payload_too_large", "Request body is too large");
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new AppError("bad_request", "Request body must be JSON");
  }
  return schema.parse(data);
}

type RouteContext<Params> = { params: Promise<Params> };

/**
 * Wraps a route handler that acts for the signed-in user: checks the origin of mutations, resolves the actor
 * (401 when anonymous), and turns any error into its JSON response. Authorisation itself happens in lib/.
 */
export function withActor<Params = Record<string, never>>(
  handler: (input: { request: Request; params: Params; actor: Actor }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    try {
      if (mutatingMethods.has(request.method)) assertSameOrigin(request);
      const actor = await requireRequestActor(request);
      return await handler({ request, params: await context.params, actor });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

import "server-only";

import type { z } from "zod";

import { requireRequestActor, type Actor } from "@/lib/auth/actor";
import { getRetryAfterSeconds } from "@/lib/auth/rate-limit";
import { AppError, toErrorResponseBody } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { negotiateRequestLocale } from "@/lib/i18n/negotiate";
import { isCrossSiteRequest } from "@/lib/security/origin";

/** Request bodies larger than this are refused with 413 before parsing, unless a route allows more. */
const defaultMaxBodyBytes = 64 * 1024;

const mutatingMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A JSON response. */
export function jsonResponse(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The JSON error response for any thrown value (see lib/errors.ts), its message in `locale` (negotiated with
 * `negotiateRequestLocale`, as pages are); 429s also say when to retry.
 */
export function errorResponse(error: unknown, locale: Locale): Response {
  const { status, body } = toErrorResponseBody(error, locale);
  const response = jsonResponse(body, status);
  const retryAfterSeconds = getRetryAfterSeconds(error);
  if (retryAfterSeconds !== null) response.headers.set("Retry-After", String(Math.ceil(retryAfterSeconds)));
  return response;
}

/**
 * Cross-site request forgery guard for cookie-authenticated mutations (lib/security/origin.ts): a request from
 * a page of another site is refused with 403.
 */
export function assertSameOrigin(request: Request): void {
  if (isCrossSiteRequest(request.headers)) throw new AppError("forbidden", "errors.request.crossOrigin");
}

/**
 * Whether a Content-Type names JSON: `application/json` or `application/<something>+json`, in UTF-8 (the only
 * encoding JSON is exchanged in, RFC 8259; a `charset` parameter may say so).
 */
export function isJsonContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [essence = "", ...parameters] = contentType.toLowerCase().split(";").map((part) => part.trim());
  if (essence !== "application/json" && !/^application\/[a-z0-9.!#$&^_-]+\+json$/u.test(essence)) return false;
  return parameters.every((parameter) => !parameter.startsWith("charset=") || /^charset="?utf-?8"?$/u.test(parameter));
}

/** The body's bytes, read as they arrive and refused (413) as soon as there are more than `maxBytes`. */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-body ("aborted"): its request, not our fault, and nobody is left to answer.
      throw new AppError("bad_request", "errors.request.bodyIncomplete");
    }
    const { done, value } = chunk;
    if (done) break;
    length += value.byteLength;
    if (length > maxBytes) {
      await reader.cancel();
      throw new AppError("payload_too_large", "errors.request.bodyTooLarge");
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Reads and validates a JSON body: 413 when larger than `maxBodyBytes` (bytes as sent, declared or not), 415
 * when not sent as JSON, 400 when not UTF-8 JSON, 422 (naming the fields) when it fails `schema`.
 */
export async function readJsonBody<Schema extends z.ZodType>(
  request: Request,
  schema: Schema,
  { maxBodyBytes = defaultMaxBodyBytes }: { maxBodyBytes?: number } = {},
): Promise<z.infer<Schema>> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > maxBodyBytes) throw new AppError("payload_too_large", "errors.request.bodyTooLarge");
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "errors.request.notJsonContentType");
  }
  const bytes = await readBodyBytes(request, maxBodyBytes);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    // Invalid UTF-8 (the decoder is fatal rather than substituting U+FFFD) or invalid JSON: either way not JSON.
    throw new AppError("bad_request", "errors.request.notJson");
  }
  return schema.parse(data);
}

type RouteContext<Params> = { params: Promise<Params> };

/**
 * Wraps a route handler that acts for the signed-in user: checks the origin of mutations, resolves the actor
 * (401 when anonymous), and turns any error into its JSON response, in the actor's language (their setting, else
 * the request's cookie or Accept-Language). Authorisation itself happens in lib/.
 */
export function withActor<Params = Record<string, never>>(
  handler: (input: { request: Request; params: Params; actor: Actor }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<Params>): Promise<Response> => {
    let actor: Actor | null = null;
    try {
      if (mutatingMethods.has(request.method)) assertSameOrigin(request);
      actor = await requireRequestActor(request);
      return await handler({ request, params: await context.params, actor });
    } catch (error) {
      return errorResponse(error, negotiateRequestLocale(request.headers, actor?.locale));
    }
  };
}

import "server-only";

import { NextRequest } from "next/server";

import { errorResponse, readBodyBytes } from "@/lib/api/route";
import { getClientIp } from "@/lib/auth/client-ip";
import { handlers } from "@/lib/auth/next-auth";
import { consumeSignInAttempt } from "@/lib/auth/rate-limit";
import { emailSchema } from "@/lib/auth/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { negotiateRequestLocale } from "@/lib/i18n/negotiate";
import { getRequestOrigin } from "@/lib/security/origin";

/** Bodies larger than this are not parsed for the email (Auth.js's own forms are a few hundred bytes). */
const maxSignInBodyBytes = 16 * 1024;

/**
 * The request as the browser addressed it. Behind `next start`, a route handler's `request.url` names the
 * server's own listening address (http://localhost:PORT), not the Host the browser used; Auth.js builds its
 * redirects (OAuth callback, post-sign-in) from that URL, so they would leave the site's origin and its cookies.
 * Auth.js is configured with `trustHost` and already takes Host / X-Forwarded-Host and X-Forwarded-Proto for
 * the server-action paths; this does the same for its HTTP endpoints. With AUTH_URL set, next-auth uses that.
 * (Next turns every loopback host, 127.0.0.1 or [::1], into "localhost" in a request URL, so locally OAuth
 * sign-ins only come back signed in when the app is browsed at http://localhost:PORT.)
 */
function withRequestOrigin(request: NextRequest): NextRequest {
  if (getEnv().AUTH_URL) return request;
  const origin = getRequestOrigin(request.headers);
  // No Host, or a Host header that is not a host: keep Next's URL.
  if (!origin || origin === request.nextUrl.origin) return request;
  return new NextRequest(`${origin}${request.nextUrl.pathname}${request.nextUrl.search}`, request);
}

/** Names of the cookie in which Auth.js keeps the post-sign-in target (plain, and over https). */
const callbackUrlCookieNames = ["authjs.callback-url", "__Secure-authjs.callback-url"];

/**
 * Auth.js refuses a `callbackUrl` query parameter, or callback-url cookie, that is not an http(s) URL or a path
 * ("x", "%zz", "http://[") as a server misconfiguration: a 500 on every one of its endpoints. It is the client's
 * input, so it is the client's 400, answered here with the same test Auth.js applies (@auth/core's assert.js).
 */
function hasInvalidCallbackUrl(request: NextRequest): boolean {
  const values = [
    ...request.nextUrl.searchParams.getAll("callbackUrl"),
    ...callbackUrlCookieNames.map((name) => request.cookies.get(name)?.value ?? ""),
  ];
  return values.some((value) => {
    if (value === "") return false;
    try {
      return !/^https?:$/u.test(new URL(value, value.startsWith("/") ? request.nextUrl.origin : undefined).protocol);
    } catch {
      return true;
    }
  });
}

const invalidCallbackUrl = () => new AppError("bad_request", "errors.request.invalidCallbackUrl");

/** Auth.js's GET endpoints (session, CSRF token, providers, OAuth callbacks). */
export async function GET(request: NextRequest): Promise<Response> {
  if (hasInvalidCallbackUrl(request)) return errorResponse(invalidCallbackUrl(), negotiateRequestLocale(request.headers));
  return handlers.GET(withRequestOrigin(request));
}

/**
 * Auth.js's POST endpoints, with the sign-in rate limits in front of the credentials callback
 * (`POST /api/auth/callback/credentials`): when a limit is hit, the answer is 429 with `Retry-After` and the
 * JSON error body, before Auth.js checks anything. The sign-in form's server action applies the same limits
 * itself (app/(auth)/actions.ts); this covers clients that post to the endpoint directly.
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (hasInvalidCallbackUrl(request)) return errorResponse(invalidCallbackUrl(), negotiateRequestLocale(request.headers));
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    try {
      await consumeSignInAttempt({ email: await readSignInEmail(request), ip: getClientIp(request.headers) });
    } catch (error) {
      return errorResponse(error, negotiateRequestLocale(request.headers));
    }
  }
  return handlers.POST(withRequestOrigin(request));
}

/** The normalised email of a credentials sign-in, read from a clone so Auth.js still gets the body; else null. */
async function readSignInEmail(request: NextRequest): Promise<string | null> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (!Number.isFinite(declaredLength) || declaredLength > maxSignInBodyBytes) return null;
  const contentType = request.headers.get("content-type") ?? "";
  let raw: string;
  try {
    // At most maxSignInBodyBytes, also when no length was declared (a chunked body is not read to its end).
    raw = new TextDecoder().decode(await readBodyBytes(request.clone(), maxSignInBodyBytes));
  } catch (error) {
    if (error instanceof AppError && error.code === "payload_too_large") return null;
    throw error;
  }
  let email: unknown = null;
  if (contentType.includes("application/x-www-form-urlencoded")) {
    email = new URLSearchParams(raw).get("email");
  } else if (contentType.includes("application/json")) {
    try {
      email = (JSON.parse(raw) as { email?: unknown } | null)?.email;
    } catch {
      email = null; // Not JSON: Auth.js will refuse it; only the IP is counted.
    }
  }
  const parsed = emailSchema.safeParse(email);
  return parsed.success ? parsed.data : null;
}

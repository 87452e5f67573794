import "server-only";

import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { redirect } from "next/navigation";
import { cache } from "react";

import { findLiveSessionActor, type Actor } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type { Actor } from "@/lib/auth/sessions";

// Auth.js names its cookie with a __Secure- prefix when served over https.
const sessionCookieNames = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * Resolves the acting user from the session cookie: decodes the Auth.js JWT and checks the session id it
 * carries against the `sessions` table (revoked or expired → anonymous). Every way in (pages, server actions,
 * route handlers) goes through here. Returns null for anonymous requests.
 */
async function resolveActor(readCookie: (name: string) => string | undefined): Promise<Actor | null> {
  for (const name of sessionCookieNames) {
    const token = readCookie(name);
    if (!token) continue;
    const sessionId = await getSessionIdFromToken(token, name);
    return sessionId ? findLiveSessionActor(sessionId) : null;
  }
  return null;
}

/** The acting user of the current page or server action (cached per request), or null. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const cookieStore = await cookies();
  return resolveActor((name) => cookieStore.get(name)?.value);
});

/**
 * The acting user of a route handler's request, or null. Reads the Cookie header directly: cheaper than
 * `cookies()` on the API's hot path.
 */
export function getRequestActor(request: Request): Promise<Actor | null> {
  const header = request.headers.get("cookie") ?? "";
  return resolveActor((name) => readCookieValue(header, name));
}

function readCookieValue(header: string, name: string): string | undefined {
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      const value = part.slice(separator + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value; // Not percent-encoded: use as sent.
      }
    }
  }
  return undefined;
}

/**
 * Decoded session tokens, by cookie name and token. Decrypting the JWE costs seven WebCrypto operations, about a
 * sixth of an API request's CPU (docs/benchmarks.md), and a browser sends the same token on every request. Only
 * tokens that decrypted with our secret are cached, until their own expiry; revocation is unaffected, because
 * the session id is still checked against the database on every request. Bounded; oldest entries go first.
 */
const decodedTokens = new Map<string, { sessionId: string; expiresAtMs: number }>();
const decodedTokensMax = 10_000;

async function getSessionIdFromToken(token: string, salt: string): Promise<string | null> {
  const key = `${salt}\u0000${token}`;
  const cached = decodedTokens.get(key);
  if (cached) {
    if (cached.expiresAtMs > Date.now()) return cached.sessionId;
    decodedTokens.delete(key);
    return null;
  }
  const payload = await decodeSessionToken(token, salt);
  if (!payload?.sid || typeof payload.exp !== "number") return null;
  if (decodedTokens.size >= decodedTokensMax) {
    const oldest = decodedTokens.keys().next().value;
    if (oldest !== undefined) decodedTokens.delete(oldest);
  }
  decodedTokens.set(key, { sessionId: payload.sid, expiresAtMs: payload.exp * 1000 });
  return payload.sid;
}

async function decodeSessionToken(token: string, salt: string) {
  try {
    return await decode({ token, secret: getEnv().AUTH_SECRET, salt });
  } catch (error) {
    // A tampered, expired or foreign-secret token is simply not a session.
    if (process.env.NODE_ENV !== "production") console.warn("Ignoring undecodable session token", error);
    return null;
  }
}

/** The acting user of a route handler's request, or a 401 AppError. */
export async function requireRequestActor(request: Request): Promise<Actor> {
  const actor = await getRequestActor(request);
  if (!actor) throw new AppError("unauthenticated", "errors.auth.signInRequired");
  return actor;
}

/** The acting user, or a redirect to the sign-in page that comes back to `returnTo` afterwards. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

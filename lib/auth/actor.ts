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
 * The one function that resolves the acting user of a request: it decodes the Auth.js JWT from the cookie and
 * checks the session id it carries against the `sessions` table (revoked or expired → anonymous). Cached per
 * request. Returns null for anonymous requests.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const cookieStore = await cookies();
  for (const name of sessionCookieNames) {
    const token = cookieStore.get(name)?.value;
    if (!token) continue;
    const payload = await decodeSessionToken(token, name);
    if (!payload?.sid) return null;
    return findLiveSessionActor(payload.sid);
  }
  return null;
});

async function decodeSessionToken(token: string, salt: string) {
  try {
    return await decode({ token, secret: getEnv().AUTH_SECRET, salt });
  } catch (error) {
    // A tampered, expired or foreign-secret token is simply not a session.
    if (process.env.NODE_ENV !== "production") console.warn("Ignoring undecodable session token", error);
    return null;
  }
}

/** The acting user, or a 401 AppError for API routes. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated", "Sign in to continue");
  return actor;
}

/** The acting user, or a redirect to the sign-in page that comes back to `returnTo` afterwards. */
export async function requirePageActor(returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}

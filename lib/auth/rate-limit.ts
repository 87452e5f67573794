import "server-only";

import { createHash } from "node:crypto";

import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

import { getPool } from "@/lib/db";
import { getRateLimitEnv, type RateLimit, type RateLimitEnvironment } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * Rate limits on the ways in that an attacker would hammer: sign-in (per account and per client IP), sign-up
 * (per IP), joining a team by invite code (per user) and the public pages anyone may read (per IP). Counters live in PostgreSQL (`rate_limits`, shared by
 * every app instance) through rate-limiter-flexible; when the database fails, an in-memory limiter with the same
 * limits takes over for this process, so an outage never turns the limits off.
 *
 * A limit answers with `AppError("rate_limited")` whose details carry `retryAfterSeconds`: route handlers turn it
 * into 429 with `Retry-After` (lib/api/route.ts), forms show its message. The messages never say which limit was
 * hit, so they reveal nothing about whether an account exists.
 */

type LimiterName = "signInAccount" | "signInIp" | "signUpIp" | "joinCode" | "publicPageIp";

const limiterSettings: Record<LimiterName, { keyPrefix: string; env: keyof RateLimitEnvironment }> = {
  signInAccount: { keyPrefix: "sign-in:account", env: "MARGIN_RATE_LIMIT_SIGN_IN_ACCOUNT" },
  signInIp: { keyPrefix: "sign-in:ip", env: "MARGIN_RATE_LIMIT_SIGN_IN_IP" },
  signUpIp: { keyPrefix: "sign-up:ip", env: "MARGIN_RATE_LIMIT_SIGN_UP_IP" },
  joinCode: { keyPrefix: "join-code", env: "MARGIN_RATE_LIMIT_JOIN_CODE" },
  publicPageIp: { keyPrefix: "public-page:ip", env: "MARGIN_RATE_LIMIT_PUBLIC_PAGE_IP" },
};

type Limiter = { limit: RateLimit; store: RateLimiterPostgres };

/**
 * Limiters by name, per module instance. Deliberately not on `globalThis`: Next bundles this module separately
 * for route handlers and server actions, and a limiter shared across bundles would reject with another copy's
 * RateLimiterRes class, which `instanceof` below would not recognise. The counters are in the database anyway.
 */
const limiters = new Map<LimiterName, Limiter>();

/**
 * The limiter for `name`, created on first use (so `next build` needs no database).
 * `tableCreated: true` because the table belongs to a Prisma migration: the library then runs no DDL, and its
 * constructor finishes synchronously (its callback fires before it returns), so there is no init to await.
 */
function getLimiter(name: LimiterName): Limiter {
  let limiter = limiters.get(name);
  if (!limiter) {
    const { keyPrefix, env } = limiterSettings[name];
    const limit = getRateLimitEnv()[env];
    const options = { keyPrefix, points: limit.points, duration: limit.durationSeconds };
    const store = new RateLimiterPostgres(
      {
        ...options,
        storeClient: getPool(),
        storeType: "pool",
        tableName: "rate_limits",
        tableCreated: true,
        // One limiter sweeping expired rows every five minutes is enough for the shared table.
        clearExpiredByTimeout: name === "signInIp",
        insuranceLimiter: new RateLimiterMemory(options),
      },
      (error) => {
        if (error) console.error(`Rate limiter ${name} could not start`, error);
      },
    );
    limiter = { limit, store };
    limiters.set(name, limiter);
  }
  return limiter;
}

/**
 * Keys are hashed: the table then holds no email addresses (including mistyped ones of people who have no
 * account), and every key fits the column whatever its input's length.
 */
function hashKey(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}

/** The AppError for a limit that was hit, saying when to try again in words a person can use. */
export function rateLimitedError(retryAfterSeconds: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  // 0 minutes reads "a minute": under a minute's wait, a count of seconds would be more precise than useful.
  const minutes = seconds < 60 ? 0 : Math.ceil(seconds / 60);
  return new AppError("rate_limited", { key: "errors.auth.rateLimited", values: { minutes } }, { retryAfterSeconds: seconds });
}

/** `retryAfterSeconds` of a rate-limited AppError, or null for any other value. */
export function getRetryAfterSeconds(error: unknown): number | null {
  if (!(error instanceof AppError) || error.code !== "rate_limited") return null;
  const seconds = error.details?.retryAfterSeconds;
  return typeof seconds === "number" && Number.isFinite(seconds) ? seconds : null;
}

/** Takes one point from `key`'s budget, or throws the rate-limited AppError when it is spent. */
async function consume(name: LimiterName, key: string): Promise<void> {
  try {
    await getLimiter(name).store.consume(hashKey(key));
  } catch (rejection) {
    // The library rejects with a RateLimiterRes when the budget is spent; anything else is a real failure
    // (the in-memory insurance limiter failing too), which must not pass silently as "allowed".
    if (rejection instanceof RateLimiterRes) throw rateLimitedError(rejection.msBeforeNext / 1000);
    throw rejection;
  }
}

/** Stable per-account key: the normalised email (lib/auth/schema.ts's emailSchema output). */
function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Counts a sign-in attempt against the client's IP and against the account, before the password is checked;
 * throws the rate-limited AppError when either budget is spent. A successful sign-in then resets the account's
 * count (`resetSignInFailures`), so what remains counted are failures: five wrong passwords lock that email for
 * the window, whoever tries. Counting up front (rather than after a failure) keeps a burst of parallel guesses
 * from all slipping through before the first failure is recorded.
 *
 * `email` is null when the attempt did not even name a valid email (only the IP is counted then); `ip` is null
 * when unknown (all such requests share one budget).
 */
export async function consumeSignInAttempt({ email, ip }: { email: string | null; ip: string | null }): Promise<void> {
  await consume("signInIp", ip ?? "unknown");
  if (email) await consume("signInAccount", accountKey(email));
}

/** Clears an account's failed sign-ins after it signed in successfully. */
export async function resetSignInFailures(email: string): Promise<void> {
  await getLimiter("signInAccount").store.delete(hashKey(accountKey(email)));
}

/** Counts a sign-up from `ip`; throws the rate-limited AppError when the budget is spent. */
export async function consumeSignUpAttempt(ip: string | null): Promise<void> {
  await consume("signUpIp", ip ?? "unknown");
}

/**
 * Counts one attempt to join a team by typing an invite code, per `key` (the acting user's id); throws the
 * rate-limited AppError when the budget is spent. Invite codes carry 50 bits, so this makes guessing hopeless.
 */
export async function consumeJoinCodeAttempt(key: string): Promise<void> {
  await consume("joinCode", key);
}

/**
 * Counts one request for a public page (`/p/{slug}`, read without signing in) from `ip`; throws the rate-limited
 * AppError when the budget is spent. Keeps anyone from scraping or guessing slugs at the database's expense.
 */
export async function consumePublicPageRequest(ip: string | null): Promise<void> {
  await consume("publicPageIp", ip ?? "unknown");
}

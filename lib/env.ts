import "server-only";

import { z } from "zod";

/** An unset or blank variable counts as not configured. */
function optional<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
}

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  /**
   * The public URL of the app, e.g. https://margin.example. Optional: without it Auth.js takes each request's
   * origin (Host and X-Forwarded-Proto). When set, its protocol decides whether cookies are `Secure`.
   */
  AUTH_URL: optional(z.url({ protocol: /^https?$/, error: "AUTH_URL must be an http:// or https:// URL" })),
  /** Demo mode: new sign-ups join the seeded demo team, so a fresh install is usable at once. */
  MARGIN_DEMO: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((value) => value === "1" || value === "true"),
});

export type Environment = z.infer<typeof environmentSchema>;

let cached: Environment | undefined;

const databaseUrlSchema = environmentSchema.shape.DATABASE_URL;

/** DATABASE_URL alone, validated: what scripts (seed, tests) need without the web app's other settings. */
export function getDatabaseUrl(): string {
  const parsed = databaseUrlSchema.safeParse(process.env.DATABASE_URL);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const databasePoolSizeSchema = optional(
  z.coerce
    .number({ error: "DATABASE_POOL_SIZE must be a number" })
    .int("DATABASE_POOL_SIZE must be a whole number")
    .min(1, "DATABASE_POOL_SIZE must be at least 1")
    .max(200, "DATABASE_POOL_SIZE must be at most 200"),
).transform((size) => size ?? 10);

/**
 * DATABASE_POOL_SIZE, validated: how many PostgreSQL connections one app process opens at most (default 10).
 * Each instance holds this many plus one for the live hub's LISTEN, so instances × (size + 1) must stay below the
 * server's `max_connections`.
 */
export function getDatabasePoolSize(source: Record<string, string | undefined> = process.env): number {
  const parsed = databasePoolSizeSchema.safeParse(source.DATABASE_POOL_SIZE);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The validated environment. Read lazily (not at import) because `next build` imports route modules
 * without a database or secret configured; the first request validates and fails loudly if anything is off.
 */
export function getEnv(): Environment {
  if (!cached) {
    const parsed = environmentSchema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
    }
    cached = parsed.data;
  }
  return cached;
}

// Sign-in providers besides email and password: each OAuth/OIDC provider is on when its variables are set.

const optionalText = optional(z.string().trim().max(2048));

const oauthEnvironmentSchema = z.object({
  AUTH_GITHUB_ID: optionalText,
  AUTH_GITHUB_SECRET: optionalText,
  AUTH_GOOGLE_ID: optionalText,
  AUTH_GOOGLE_SECRET: optionalText,
  /** The issuer URL of any OpenID Connect provider (Keycloak, Authentik, Entra ID, …); discovery does the rest. */
  AUTH_OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: "AUTH_OIDC_ISSUER must be an https:// URL" })),
  AUTH_OIDC_ID: optionalText,
  AUTH_OIDC_SECRET: optionalText,
  /** What the sign-in button calls the OIDC provider: "Sign in with {AUTH_OIDC_NAME}". */
  AUTH_OIDC_NAME: optional(z.string().trim().max(40)),
});

export type OAuthEnvironment = z.infer<typeof oauthEnvironmentSchema>;

/**
 * The OAuth/OIDC variables, validated. Separate from `getEnv()` so the sign-in page and the proxy can read them
 * without the database's settings; tests pass their own `source`.
 */
export function getOAuthEnv(source: Record<string, string | undefined> = process.env): OAuthEnvironment {
  const parsed = oauthEnvironmentSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

// Rate limits (lib/auth/rate-limit.ts), each written "points/seconds": at most `points` per `seconds`.

export type RateLimit = { points: number; durationSeconds: number };

const rateLimitSchema = z
  .string()
  .trim()
  .regex(/^\d{1,7}\/\d{1,7}$/u, 'must look like "points/seconds", e.g. "5/900"')
  .transform((value): RateLimit => {
    const [points = 0, durationSeconds = 0] = value.split("/").map(Number);
    return { points, durationSeconds };
  })
  .refine((limit) => limit.points >= 1 && limit.durationSeconds >= 1, "points and seconds must both be at least 1");

const rateLimitEnvironmentSchema = z.object({
  /** Sign-in failures per account (email); a successful sign-in resets the count. */
  MARGIN_RATE_LIMIT_SIGN_IN_ACCOUNT: optional(rateLimitSchema).transform((limit) => limit ?? { points: 5, durationSeconds: 15 * 60 }),
  /** Sign-in attempts per client IP. */
  MARGIN_RATE_LIMIT_SIGN_IN_IP: optional(rateLimitSchema).transform((limit) => limit ?? { points: 30, durationSeconds: 15 * 60 }),
  /** Sign-ups per client IP. */
  MARGIN_RATE_LIMIT_SIGN_UP_IP: optional(rateLimitSchema).transform((limit) => limit ?? { points: 10, durationSeconds: 60 * 60 }),
  /** Invite-code join attempts per user. */
  MARGIN_RATE_LIMIT_JOIN_CODE: optional(rateLimitSchema).transform((limit) => limit ?? { points: 20, durationSeconds: 15 * 60 }),
  /** Requests for public pages (`/p/{slug}`) per client IP. */
  MARGIN_RATE_LIMIT_PUBLIC_PAGE_IP: optional(rateLimitSchema).transform((limit) => limit ?? { points: 120, durationSeconds: 60 }),
});

export type RateLimitEnvironment = z.infer<typeof rateLimitEnvironmentSchema>;

/** The rate-limit variables, validated, with the defaults above. */
export function getRateLimitEnv(source: Record<string, string | undefined> = process.env): RateLimitEnvironment {
  const parsed = rateLimitEnvironmentSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const timeZoneSchema = z.string().refine((name) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}, 'MARGIN_TIME_ZONE must be an IANA time zone, e.g. "Europe/Amsterdam"');

/**
 * MARGIN_TIME_ZONE, validated: the zone dates and times are shown in, else the server's own. Server and browser
 * render with the same zone (lib/i18n/request.ts), so hydration never disagrees about a time.
 */
export function getTimeZone(source: Record<string, string | undefined> = process.env): string {
  const parsed = optional(timeZoneSchema).safeParse(source.MARGIN_TIME_ZONE);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  return parsed.data ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

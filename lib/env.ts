import "server-only";

import { z } from "zod";

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "DATABASE_URL must be a postgresql:// URL" }),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
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

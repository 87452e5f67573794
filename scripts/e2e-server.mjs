#!/usr/bin/env node
/**
 * The web server Playwright starts (playwright.config.ts → webServer): `next start` on 127.0.0.1 against the
 * migrated, seeded test database that scripts/test.mjs prepared (MARGIN_TEST_DATABASE_URL). It stops itself
 * when Playwright sends SIGTERM at the end of the run.
 */
import { spawn } from "node:child_process";

import { bin, root } from "./lib/project.mjs";

const databaseUrl = process.env.MARGIN_TEST_DATABASE_URL;
const port = process.env.E2E_PORT ?? "3100";
if (!databaseUrl) {
  console.error("MARGIN_TEST_DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e` or `npm test`.");
  process.exit(2);
}

const server = spawn(bin("next"), ["start", "-H", "127.0.0.1", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-only-secret-e2e-only-secret-e2e-only",
    AUTH_TRUST_HOST: "true",
    MARGIN_DEMO: "1",
    // Every test signs in from 127.0.0.1, so the per-IP budgets would run out over a suite; the per-account
    // limit keeps its default (e2e/security/rate-limit.spec.ts exercises it with an email of its own).
    MARGIN_RATE_LIMIT_SIGN_IN_IP: process.env.MARGIN_RATE_LIMIT_SIGN_IN_IP ?? "10000/900",
    MARGIN_RATE_LIMIT_SIGN_UP_IP: process.env.MARGIN_RATE_LIMIT_SIGN_UP_IP ?? "10000/3600",
  },
});
const stop = () => server.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.on("exit", (code) => process.exit(code ?? 0));

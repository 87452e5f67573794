import { existsSync } from "node:fs";

import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests in a real Chromium against the production build (`next start`) and a real PostgreSQL.
 * Run them with `npm run test:e2e` (or `npm test`), which prepares the database and the build.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const resultsDirectory = process.env.TEST_RESULTS_DIR ?? ".data/test-results";
const baseURL = `http://127.0.0.1:${port}`;

if (!process.env.MARGIN_TEST_DATABASE_URL) {
  throw new Error("MARGIN_TEST_DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e` or `npm test`.");
}
// Test fixtures (e2e/fixtures) set data up through the database directly.
process.env.DATABASE_URL = process.env.MARGIN_TEST_DATABASE_URL;

// Debian's Chromium where it exists (this machine and CI cannot download Playwright's own browser);
// elsewhere Playwright's bundled Chromium (scripts/test.mjs installs it when missing).
const systemChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // No retries, in CI too: a flaky test must show, not pass on its second try (npm test counts "flaky" as failed).
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  outputDir: `${resultsDirectory}/playwright-artifacts`,
  reporter: [
    ["list"],
    ["json", { outputFile: `${resultsDirectory}/playwright.json` }],
    // Every axe violation found by e2e/accessibility, as JSON and a markdown table (e2e/fixtures/axe.ts).
    ["./e2e/reporters/axe-report.ts", { outputDir: `${resultsDirectory}/accessibility` }],
  ],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(systemChromium) ? systemChromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: /mobile\//u, use: { ...devices["Desktop Chrome"], viewport: { width: 1400, height: 900 } } },
    // A phone: 390 × 844 CSS pixels, touch events, a mobile viewport and user agent (Chromium, as on Android).
    { name: "mobile", testMatch: /mobile\/.*\.spec\.ts$/u, use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 } } },
  ],
  webServer: {
    command: "node scripts/e2e-server.mjs",
    url: `${baseURL}/api/health/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});

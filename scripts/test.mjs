#!/usr/bin/env node
/**
 * `npm test`: every check, from a fresh clone. Lint, typecheck, unit and integration tests (Vitest, real
 * PostgreSQL), then the end-to-end suite (Playwright, real Chromium, production build). Ends with one line,
 * "N passed, N failed", and exits non-zero when anything failed or nothing ran.
 *
 * PostgreSQL: a throwaway embedded server, or (with DATABASE_URL) scratch databases on that server, dropped
 * afterwards. Options: --only <lint|typecheck|unit|integration|e2e>[,…] runs a subset; arguments after `--` go
 * to Playwright (e.g. `-- e2e/teams` or `-- --grep invite`).
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { bin, bold, dim, ensureBuild, ensureDependencies, ensureDirectory, ensurePrismaClient, green, red, run } from "./lib/project.mjs";

const passthroughIndex = process.argv.indexOf("--");
const playwrightArgs = passthroughIndex >= 0 ? process.argv.slice(passthroughIndex + 1) : [];
const onlyIndex = process.argv.indexOf("--only");
const selected = new Set(
  onlyIndex >= 0 ? (process.argv[onlyIndex + 1] ?? "").split(",") : ["lint", "typecheck", "unit", "integration", "e2e"],
);
const results = []; // { name, passed, failed, skipped, note }
const resultsDirectory = ensureDirectory(process.env.TEST_RESULTS_DIR ?? ".data/test-results");
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function header(text) {
  console.log(`\n${bold(`▶ ${text}`)}`);
}

async function runCheck(name, command, args) {
  header(name);
  try {
    await run(command, args, { env: baseEnv });
    results.push({ name, passed: 1, failed: 0 });
  } catch (error) {
    console.error(red(error.message.split("\n")[0]));
    results.push({ name, passed: 0, failed: 1 });
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

let postgres = null;
const scratchDatabases = [];
async function cleanUp() {
  const { dropDatabase } = await import("./lib/database.mjs");
  for (const name of scratchDatabases) await dropDatabase(postgres.adminUrl, name).catch(() => {});
  await postgres?.stop().catch((error) => console.error("Could not stop PostgreSQL:", error));
}
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));
process.on("SIGTERM", () => void cleanUp().then(() => process.exit(143)));

let exitCode = 0;
try {
  header("Dependencies");
  const installed = await ensureDependencies();
  await ensurePrismaClient(baseEnv);
  console.log(dim(installed ? "installed with npm ci" : "already installed"));

  if (selected.has("lint")) await runCheck("Lint (eslint)", bin("eslint"), ["."]);
  if (selected.has("typecheck")) await runCheck("Typecheck (tsc)", bin("tsc"), ["--noEmit", "-p", "."]);

  const needsDatabase = selected.has("integration") || selected.has("e2e");
  const databaseUrls = {};
  if (needsDatabase) {
    header("PostgreSQL for tests");
    const { startPostgres, ensureDatabase } = await import("./lib/database.mjs");
    postgres = await startPostgres();
    for (const purpose of ["integration", "e2e"]) {
      if (!selected.has(purpose)) continue;
      const name = `margin_test_${purpose}_${process.pid}`;
      await ensureDatabase(postgres.adminUrl, name);
      scratchDatabases.push(name);
      databaseUrls[purpose] = postgres.url(name);
      await run(bin("prisma"), ["migrate", "deploy"], { env: { ...baseEnv, DATABASE_URL: databaseUrls[purpose] }, quiet: true });
    }
    if (databaseUrls.e2e) {
      await run(bin("prisma"), ["db", "seed"], { env: { ...baseEnv, DATABASE_URL: databaseUrls.e2e }, quiet: true });
    }
    console.log(dim(`${postgres.embedded ? "embedded server" : "DATABASE_URL server"}, databases: ${scratchDatabases.join(", ")}`));
  }

  const vitestProjects = ["unit", "integration"].filter((project) => selected.has(project));
  if (vitestProjects.length > 0) {
    header(`Vitest (${vitestProjects.join(" + ")})`);
    const outputFile = path.join(resultsDirectory, "vitest.json");
    rmSync(outputFile, { force: true });
    try {
      await run(
        bin("vitest"),
        ["run", ...vitestProjects.flatMap((project) => ["--project", project]), "--reporter=default", "--reporter=json", `--outputFile.json=${outputFile}`],
        { env: { ...baseEnv, MARGIN_TEST_DATABASE_URL: databaseUrls.integration ?? "" } },
      );
    } catch {
      // Failures are counted from the JSON report below.
    }
    const report = readJson(outputFile);
    if (report) {
      results.push({ name: "vitest", passed: report.numPassedTests, failed: report.numFailedTests + (report.numFailedTestSuites ?? 0), skipped: report.numPendingTests + report.numTodoTests });
    } else {
      results.push({ name: "vitest", passed: 0, failed: 1, note: "no report (crashed)" });
    }
  }

  if (selected.has("e2e")) {
    header("Build (next build)");
    const built = await ensureBuild({ ...baseEnv, NODE_ENV: "production" });
    console.log(dim(built ? "built" : "sources unchanged since the last build"));
    if (!existsSync("/usr/bin/chromium") && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
      header("Chromium (Playwright's own: /usr/bin/chromium is missing)");
      await run(bin("playwright"), ["install", "chromium"], { env: baseEnv });
    }
    header("Playwright (end to end, Chromium)");
    const outputFile = path.join(resultsDirectory, "playwright.json");
    rmSync(outputFile, { force: true });
    try {
      await run(bin("playwright"), ["test", ...playwrightArgs], { env: { ...baseEnv, MARGIN_TEST_DATABASE_URL: databaseUrls.e2e } });
    } catch {
      // Failures are counted from the JSON report below.
    }
    const report = readJson(outputFile);
    if (report?.stats) {
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
      results.push({ name: "playwright", passed: expected + flaky, failed: unexpected, skipped, note: flaky ? `${flaky} passed only on retry` : "" });
    } else {
      results.push({ name: "playwright", passed: 0, failed: 1, note: "no report (crashed)" });
    }
  }
} catch (error) {
  console.error(red(`\nnpm test could not run: ${error instanceof Error ? error.message : String(error)}`));
  results.push({ name: "setup", passed: 0, failed: 1 });
} finally {
  await cleanUp();
}

const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
const skipped = results.reduce((sum, result) => sum + (result.skipped ?? 0), 0);
console.log(`\n${bold("Summary")}`);
for (const result of results) {
  const line = `  ${result.name.padEnd(16)} ${result.passed} passed, ${result.failed} failed${result.skipped ? `, ${result.skipped} skipped` : ""}${result.note ? ` (${result.note})` : ""}`;
  console.log(result.failed ? red(line) : line);
}
if (skipped > 0) console.log(dim(`  (${skipped} skipped)`));
if (failed > 0 || passed === 0) exitCode = 1;
const summary = `${passed} passed, ${failed} failed`;
console.log(exitCode ? red(bold(summary)) : green(bold(summary)));
process.exit(exitCode);

#!/usr/bin/env node
/**
 * `npm test`: every check and test, from a fresh clone, in this order:
 *   lint, typecheck   checks (eslint, tsc): they pass or fail, and are not counted as tests
 *   unit              Vitest project `unit`
 *   integration       Vitest project `integration`, against a real PostgreSQL
 *   e2e               Playwright in a real Chromium against the production build (`next build` runs first)
 *   system            Vitest project `system`: the scripts as a user runs them (npm start, npm test itself),
 *                     after the build. Its tests start the PostgreSQL they need (npm start does, for one).
 *
 * A stage fails when a test fails, passes only on a retry (there are none: a flaky test must show), is skipped
 * without saying why, or never finishes; when its runner reports an error outside tests (an unhandled
 * rejection, a failing hook, a file that does not load, Playwright's `report.errors` such as a web server that
 * did not start); when its process exits non-zero even though no test failed; and when it ran no test at all.
 * A skip says why with `test.skip(condition, "why")` (Playwright; or an annotation `{ type: "skip",
 * description }`) or `ctx.skip("why")` / `ctx.skip(condition, "why")` (Vitest). `test.fixme`, `it.todo`, `it.skip`
 * and tests left out by `.only` count as failed. The run ends with one line, "N passed, N failed" (tests), and
 * exits non-zero when any check or stage failed.
 *
 * Usage (npm strips the first `--`, so `npm test -- X` passes X):
 *   npm test -- e2e/teams                paths choose the stages and filter them: e2e/… → e2e; lib/… → unit and
 *   npm test -- lib/claims               integration (a `*.integration.test.ts` file → integration, another
 *   npm test -- scripts/                 `*.test.ts` → unit); components/… → unit; scripts/… → system
 *   npm test -- --grep invite            any other option, and everything after it, goes to Playwright (e2e)
 *   npm test -- --only unit,e2e          a subset: lint, typecheck, unit, integration, e2e, system (paths add theirs)
 *   node scripts/test.mjs --only e2e -- --grep x    everything after a literal `--` goes to Playwright
 * When paths filter a stage, the filters together must match at least one test (a stage the filter leaves
 * empty is not a failure); without filters, every stage must run at least one test.
 *
 * PostgreSQL: a throwaway embedded server, or (with DATABASE_URL) scratch databases on that server, dropped
 * afterwards. MARGIN_TEST_DATABASE_URL, when set, is a database already migrated (and seeded, for e2e) that the
 * integration and e2e stages use as it is: nothing is started, migrated or dropped.
 *
 * MARGIN_TEST_ROOT runs the stages of another folder laid out like this one (vitest.config, playwright.config)
 * with this checkout's tools; the checkout's `next build` serves only its own suites, so it is skipped there.
 * scripts/test-runner.system.test.ts uses it to run this script on deliberately broken fixture suites.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

import { bin, bold, dim, ensureBuild, ensureDependencies, ensurePrismaClient, red, root, run } from "./lib/project.mjs";
import { parseArguments, UsageError } from "./lib/test-arguments.mjs";
import { checkFiltersMatched, describeExit, judgeStage, notRun, printSummary, readJson, readPlaywrightReport } from "./lib/test-reports.mjs";

const testRoot = path.resolve(process.env.MARGIN_TEST_ROOT ?? root);
const resultsDirectory = path.resolve(testRoot, process.env.TEST_RESULTS_DIR ?? ".data/test-results");
const vitestReporter = path.join(root, "scripts", "lib", "vitest-summary-reporter.mjs");
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

function header(text) {
  console.log(`\n${bold(`▶ ${text}`)}`);
}

/** Runs a command in the test root with inherited output; resolves with how it exited (never rejects). */
function runProcess(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: testRoot, env, stdio: "inherit" });
    child.on("error", (error) => resolve({ code: null, signal: null, error }));
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
}

async function runVitestStage(name, { databaseUrl, filters }) {
  header(`Vitest (${name})`);
  const summaryFile = path.join(resultsDirectory, `vitest-${name}.json`);
  rmSync(summaryFile, { force: true });
  const env = { ...baseEnv, MARGIN_VITEST_SUMMARY: summaryFile };
  delete env.MARGIN_TEST_DATABASE_URL;
  if (databaseUrl) env.MARGIN_TEST_DATABASE_URL = databaseUrl;
  const exit = await runProcess(
    bin("vitest"),
    // --passWithNoTests: an empty stage is judged here ("ran no test"), like every other stage.
    ["run", "--project", name, "--passWithNoTests", "--retry=0", "--reporter=default", `--reporter=${vitestReporter}`, ...filters],
    env,
  );
  return judgeStage(name, exit, readJson(summaryFile), { filtered: filters.length > 0 });
}

/**
 * E2E_PORT, else a free port whose next one is free too (e2e/fixtures/second-instance.ts serves there), so two
 * runs on one machine do not both want 3100.
 */
async function chooseE2ePort() {
  if (process.env.E2E_PORT) return process.env.E2E_PORT;
  const { findFreePort, isPortFree } = await import("./lib/database.mjs");
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const port = await findFreePort();
    if (port > 0 && port < 65535 && (await isPortFree(port + 1))) return String(port);
  }
  return "3100";
}

async function runPlaywrightStage({ databaseUrl, filters, playwrightArgs }) {
  header("Playwright (end to end, Chromium)");
  const reportFile = path.join(resultsDirectory, "playwright.json");
  rmSync(reportFile, { force: true });
  const port = await chooseE2ePort();
  console.log(dim(`web server on 127.0.0.1:${port}`));
  // PLAYWRIGHT_JSON_OUTPUT_FILE overrides the json reporter's outputFile in the config: the report is read from
  // where it was written.
  const env = { ...baseEnv, E2E_PORT: port, PLAYWRIGHT_JSON_OUTPUT_FILE: reportFile, MARGIN_TEST_DATABASE_URL: databaseUrl ?? "" };
  const exit = await runProcess(bin("playwright"), ["test", ...filters, ...playwrightArgs], env);
  return judgeStage("e2e", exit, readPlaywrightReport(reportFile), { filtered: filters.length + playwrightArgs.length > 0 });
}

async function runCheck(name, command, args) {
  header(name === "lint" ? "Lint (eslint)" : "Typecheck (tsc)");
  const exit = await runProcess(command, args, baseEnv);
  const passed = exit.code === 0;
  if (!passed) console.error(red(`${name} ${describeExit(exit)}`));
  return { name, kind: "check", passed, problems: passed ? [] : [describeExit(exit)] };
}

let options;
try {
  options = parseArguments(process.argv.slice(2), testRoot);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(red(`npm test: ${error.message}`));
  process.exit(2);
}
const { selected, filters, playwrightArgs } = options;

let postgres = null;
const scratchDatabases = [];
async function cleanUp() {
  if (!postgres) return;
  const { dropDatabase } = await import("./lib/database.mjs");
  for (const name of scratchDatabases) await dropDatabase(postgres.adminUrl, name).catch(() => {});
  await postgres.stop().catch((error) => console.error("Could not stop PostgreSQL:", error));
  postgres = null;
}
process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));
process.on("SIGTERM", () => void cleanUp().then(() => process.exit(143)));

const results = [];
try {
  mkdirSync(resultsDirectory, { recursive: true });
  header("Dependencies");
  const installed = await ensureDependencies();
  await ensurePrismaClient(baseEnv);
  console.log(dim(installed ? "installed with npm ci" : "already installed"));

  if (selected.has("lint")) results.push(await runCheck("lint", bin("eslint"), ["."]));
  if (selected.has("typecheck")) results.push(await runCheck("typecheck", bin("tsc"), ["--noEmit", "-p", "."]));

  const databaseUrls = {};
  let databaseFailure = null;
  const databasePurposes = ["integration", "e2e"].filter((purpose) => selected.has(purpose));
  if (databasePurposes.length > 0 && process.env.MARGIN_TEST_DATABASE_URL) {
    for (const purpose of databasePurposes) databaseUrls[purpose] = process.env.MARGIN_TEST_DATABASE_URL;
  } else if (databasePurposes.length > 0) {
    header("PostgreSQL for tests");
    try {
      const { startPostgres, ensureDatabase } = await import("./lib/database.mjs");
      postgres = await startPostgres();
      for (const purpose of databasePurposes) {
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
    } catch (error) {
      databaseFailure = `the test database could not be prepared (${error.message.split("\n")[0]})`;
      console.error(red(databaseFailure));
    }
  }

  if (selected.has("unit")) results.push(await runVitestStage("unit", { filters: filters.unit }));
  if (selected.has("integration")) {
    results.push(
      databaseFailure
        ? notRun("integration", databaseFailure)
        : await runVitestStage("integration", { databaseUrl: databaseUrls.integration, filters: filters.integration }),
    );
  }

  // The build serves e2e and the system tests (npm start serves it), so it comes first also for --only system.
  let buildFailure = null;
  if ((selected.has("e2e") || selected.has("system")) && testRoot === root) {
    header("Build (next build)");
    try {
      const built = await ensureBuild({ ...baseEnv, NODE_ENV: "production" });
      console.log(dim(built ? "built" : "sources unchanged since the last build"));
    } catch (error) {
      buildFailure = "next build failed";
      console.error(red(error.message.split("\n")[0]));
      results.push({ name: "build", kind: "check", passed: false, problems: [buildFailure] });
    }
  }

  if (selected.has("e2e")) {
    if (databaseFailure || buildFailure) {
      results.push(notRun("e2e", databaseFailure ?? buildFailure));
    } else {
      if (!existsSync("/usr/bin/chromium") && !process.env.PLAYWRIGHT_BROWSERS_PATH) {
        header("Chromium (Playwright's own: /usr/bin/chromium is missing)");
          await run(bin("playwright"), ["install", "chromium"], { env: baseEnv });
      }
      results.push(await runPlaywrightStage({ databaseUrl: databaseUrls.e2e, filters: filters.e2e, playwrightArgs }));
    }
  }

  if (selected.has("system")) {
    results.push(buildFailure ? notRun("system", buildFailure) : await runVitestStage("system", { filters: filters.system }));
  }
} catch (error) {
  console.error(red(`\nnpm test could not run: ${error instanceof Error ? error.message : String(error)}`));
  results.push({ name: "setup", kind: "check", passed: false, problems: [error instanceof Error ? error.message.split("\n")[0] : String(error)] });
} finally {
  await cleanUp();
}

checkFiltersMatched(results);
process.exit(printSummary(results) ? 0 : 1);

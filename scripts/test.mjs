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
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

import { bin, bold, dim, ensureBuild, ensureDependencies, ensurePrismaClient, green, red, root, run } from "./lib/project.mjs";

const stageNames = ["lint", "typecheck", "unit", "integration", "e2e", "system"];
const testRoot = path.resolve(process.env.MARGIN_TEST_ROOT ?? root);
const resultsDirectory = path.resolve(testRoot, process.env.TEST_RESULTS_DIR ?? ".data/test-results");
const vitestReporter = path.join(root, "scripts", "lib", "vitest-summary-reporter.mjs");
const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };

class UsageError extends Error {}

/** The stages a path selects, from where it lies (mirrors the `include` patterns of vitest.config.ts). */
function stagesForPath(relative) {
  const [top] = relative.split("/");
  if (top === "e2e") return ["e2e"];
  if (top === "scripts") return ["system"];
  if (top === "components") return ["unit"];
  if (top === "lib") {
    if (relative.endsWith(".integration.test.ts")) return ["integration"];
    if (relative.endsWith(".test.ts")) return ["unit"];
    return ["unit", "integration"];
  }
  return [];
}

/** Reads argv into `{ selected, filters, playwrightArgs }`; see the header for the forms. */
function parseArguments(argv) {
  const only = [];
  const paths = [];
  let playwrightArgs = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === "--") {
      playwrightArgs = argv.slice(index + 1);
      break;
    }
    if (argument === "--only" || argument.startsWith("--only=")) {
      const value = argument === "--only" ? argv[(index += 1)] : argument.slice("--only=".length);
      only.push(...(value ?? "").split(",").filter(Boolean));
      continue;
    }
    if (argument.startsWith("-")) {
      playwrightArgs = argv.slice(index);
      break;
    }
    paths.push(argument);
  }

  const filters = Object.fromEntries(stageNames.map((name) => [name, []]));
  const pathStages = new Set();
  for (const argument of paths) {
    const relative = path.relative(testRoot, path.resolve(testRoot, argument)).split(path.sep).join("/");
    const stages = stagesForPath(relative);
    if (stages.length === 0) {
      throw new UsageError(`"${argument}" is not a path under e2e/, lib/, components/ or scripts/, the folders that hold tests.`);
    }
    for (const stage of stages) {
      filters[stage].push(relative);
      pathStages.add(stage);
    }
  }
  if (playwrightArgs.length > 0) pathStages.add("e2e");

  const unknown = only.filter((name) => !stageNames.includes(name));
  if (unknown.length > 0) throw new UsageError(`--only ${unknown.join(",")}: the stages are ${stageNames.join(", ")}.`);
  const selected = new Set([...only, ...pathStages]);
  return { selected: selected.size > 0 ? selected : new Set(stageNames), filters, playwrightArgs };
}

function header(text) {
  console.log(`\n${bold(`▶ ${text}`)}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/** Runs a command in the test root with inherited output; resolves with how it exited (never rejects). */
function runProcess(command, args, env) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: testRoot, env, stdio: "inherit" });
    child.on("error", (error) => resolve({ code: null, signal: null, error }));
    child.on("close", (code, signal) => resolve({ code, signal }));
  });
}

function describeExit({ code, signal, error }) {
  if (error) return `could not start (${error.message})`;
  return signal ? `was killed by ${signal}` : `exited ${code}`;
}

/**
 * What a stage came to, from its report and its exit. `report` is null when the runner wrote none, else
 * `{ passed, failed: [{ name, why }], skipped: [{ name, note }], errors: [{ where, message }] }`.
 * `problems` are the reasons the stage failed other than failed tests.
 */
function judgeStage(name, exit, report, { filtered }) {
  const result = { name, kind: "tests", passed: 0, failed: 0, skipped: 0, problems: [], filtered, ran: 0 };
  if (!report) {
    result.problems.push(`no report (the runner ${describeExit(exit)})`);
    return result;
  }
  result.passed = report.passed;
  result.failed = report.failed.length;
  result.skipped = report.skipped.length;
  result.ran = report.passed + report.failed.length;
  for (const error of report.errors) result.problems.push(`error outside tests (${error.where}): ${error.message}`);
  if (exit.code !== 0 && result.failed === 0) {
    result.problems.push(`${describeExit(exit)} with no failed test: an error outside tests (e.g. an unhandled rejection)`);
  } else if (exit.signal || exit.error) {
    result.problems.push(describeExit(exit));
  }
  if (result.ran === 0 && !filtered) result.problems.push("ran no test");

  const listed = report.failed.slice(0, 20);
  for (const test of listed) console.error(red(`  ✘ ${test.name}: ${test.why}`));
  if (report.failed.length > listed.length) console.error(red(`  … and ${report.failed.length - listed.length} more`));
  for (const test of report.skipped) console.log(dim(`  ↷ ${test.name}: skipped, ${test.note}`));
  return result;
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

/** Playwright's JSON report in the terms of judgeStage. */
function readPlaywrightReport(file) {
  const report = readJson(file);
  if (!report) return null;
  const summary = { passed: 0, failed: [], skipped: [], errors: [] };
  const visit = (suites, titles) => {
    for (const suite of suites ?? []) {
      const suiteTitles = suite.title ? [...titles, suite.title] : titles;
      for (const spec of suite.specs ?? []) {
        for (const test of spec.tests ?? []) {
          const name = [...suiteTitles, spec.title].join(" › ");
          const reason = test.annotations?.find((annotation) => annotation.type === "skip" && annotation.description?.trim());
          if (test.status === "expected") summary.passed += 1;
          else if (test.status === "flaky") summary.failed.push({ name, why: "passed only on a retry" });
          else if (test.status === "unexpected") summary.failed.push({ name, why: "failed" });
          else if (test.annotations?.some((annotation) => annotation.type === "fixme")) summary.failed.push({ name, why: "fixme" });
          else if (reason) summary.skipped.push({ name, note: reason.description.trim() });
          else if ((test.results ?? []).length === 0) summary.failed.push({ name, why: "did not run" });
          else summary.failed.push({ name, why: 'skipped without a reason (say why with test.skip(condition, "why"))' });
        }
      }
      visit(suite.suites, suiteTitles);
    }
  };
  visit(report.suites, []);
  for (const error of report.errors ?? []) {
    summary.errors.push({ where: "playwright", message: String(error.message ?? error.stack ?? "unknown error").split("\n")[0] });
  }
  return summary;
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

/** A stage that could not run because something it needs failed first. */
function notRun(name, why) {
  return { name, kind: "tests", passed: 0, failed: 0, skipped: 0, ran: 0, problems: [`did not run: ${why}`], filtered: false };
}

/** Filtered stages may each be empty (`lib/anchoring` has no integration test), but not all of them. */
function checkFiltersMatched(results) {
  const filtered = results.filter((result) => result.kind === "tests" && result.filtered);
  if (filtered.length > 0 && filtered.every((result) => result.ran === 0)) filtered[0].problems.push("the filter matched no test");
}

function printSummary(results) {
  const stages = results.filter((result) => result.kind === "tests");
  const isFailed = (result) => (result.kind === "check" ? !result.passed : result.failed > 0 || result.problems.length > 0);

  console.log(`\n${bold("Summary")}`);
  for (const result of results) {
    let line;
    if (result.kind === "check") {
      line = `  ${result.name.padEnd(12)} check ${result.passed ? "passed" : "FAILED"}`;
    } else {
      line = `  ${result.name.padEnd(12)} ${result.passed} passed, ${result.failed} failed`;
      if (result.skipped) line += `, ${result.skipped} skipped with a reason`;
      if (result.filtered && result.ran === 0 && result.problems.length === 0) line += " (no test matched the filter)";
    }
    console.log(isFailed(result) ? red(line) : line);
    for (const problem of result.problems) console.log(red(`    ✘ ${problem}`));
  }

  const passed = stages.reduce((sum, result) => sum + result.passed, 0);
  const failed = stages.reduce((sum, result) => sum + result.failed, 0);
  const failedNames = results.filter(isFailed).map((result) => result.name);
  const nothingRan = results.length === 0;
  const line = `${passed} passed, ${failed} failed${failedNames.length > 0 ? ` — FAILED: ${failedNames.join(", ")}` : ""}${nothingRan ? " — nothing ran" : ""}`;
  const ok = failedNames.length === 0 && !nothingRan;
  console.log(ok ? green(bold(line)) : red(bold(line)));
  return ok;
}

let options;
try {
  options = parseArguments(process.argv.slice(2));
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

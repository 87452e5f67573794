/**
 * How `npm test` (scripts/test.mjs) judges a stage from its report and its exit, and prints the summary. Plain
 * Node.
 */
import { readFileSync } from "node:fs";

import { bold, dim, green, red } from "./project.mjs";

export function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

export function describeExit({ code, signal, error }) {
  if (error) return `could not start (${error.message})`;
  return signal ? `was killed by ${signal}` : `exited ${code}`;
}

/**
 * What a stage came to, from its report and its exit. `report` is null when the runner wrote none, else
 * `{ passed, failed: [{ name, why }], skipped: [{ name, note }], errors: [{ where, message }] }`.
 * `problems` are the reasons the stage failed other than failed tests.
 */
export function judgeStage(name, exit, report, { filtered }) {
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

/** Playwright's JSON report in the terms of judgeStage. */
export function readPlaywrightReport(file) {
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

/** A stage that could not run because something it needs failed first. */
export function notRun(name, why) {
  return { name, kind: "tests", passed: 0, failed: 0, skipped: 0, ran: 0, problems: [`did not run: ${why}`], filtered: false };
}

/** Filtered stages may each be empty (`lib/anchoring` has no integration test), but not all of them. */
export function checkFiltersMatched(results) {
  const filtered = results.filter((result) => result.kind === "tests" && result.filtered);
  if (filtered.length > 0 && filtered.every((result) => result.ran === 0)) filtered[0].problems.push("the filter matched no test");
}

export function printSummary(results) {
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

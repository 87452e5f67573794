/**
 * A Vitest reporter for scripts/test.mjs: writes what the run did to the JSON file named by
 * MARGIN_VITEST_SUMMARY, in the terms npm test judges a stage by. Vitest's own JSON report has neither the
 * note of `ctx.skip("why")` (the only way a Vitest test says why it skips) nor the errors outside tests
 * (unhandled rejections, failing hooks, files that do not load), so it cannot tell a clean run from a broken one.
 *
 * Written: { passed, failed: [{ name, why }], skipped: [{ name, note }], errors: [{ where, message }], reason }.
 * `failed` holds failed tests, tests that passed only on a retry, `it.todo`, tests skipped without a note
 * (`it.skip`, `it.skipIf`, tests left out by `.only`) and tests that never finished; `skipped` only those skipped
 * with a note.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

function firstLine(error) {
  return String(error?.message ?? error ?? "unknown error").split("\n")[0];
}

export default class SummaryReporter {
  onTestRunEnd(testModules, unhandledErrors, reason) {
    const outputFile = process.env.MARGIN_VITEST_SUMMARY;
    if (!outputFile) return;
    const summary = { passed: 0, failed: [], skipped: [], errors: [], reason };
    for (const testModule of testModules) {
      const file = testModule.relativeModuleId ?? testModule.moduleId;
      for (const error of testModule.errors()) summary.errors.push({ where: file, message: firstLine(error) });
      for (const suite of testModule.children.allSuites()) {
        for (const error of suite.errors()) summary.errors.push({ where: `${file} › ${suite.fullName}`, message: firstLine(error) });
      }
      for (const test of testModule.children.allTests()) {
        const name = `${file} › ${test.fullName}`;
        const result = test.result();
        if (result.state === "passed") {
          if (test.diagnostic()?.flaky) summary.failed.push({ name, why: "passed only on a retry" });
          else summary.passed += 1;
        } else if (result.state === "failed") {
          summary.failed.push({ name, why: firstLine(result.errors?.[0]) });
        } else if (result.state === "skipped") {
          if (test.options.mode === "todo") summary.failed.push({ name, why: "todo" });
          else if (result.note?.trim()) summary.skipped.push({ name, note: result.note.trim() });
          else summary.failed.push({ name, why: "skipped without a reason (say why with ctx.skip(\"why\"))" });
        } else {
          summary.failed.push({ name, why: "did not finish" });
        }
      }
    }
    for (const error of unhandledErrors) summary.errors.push({ where: "unhandled", message: firstLine(error) });
    mkdirSync(path.dirname(outputFile), { recursive: true });
    writeFileSync(outputFile, JSON.stringify(summary, null, 2));
  }
}

import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

import { axeScanAttachment, countByImpact, formatAxeTable, impacts, type AxeScan } from "../fixtures/axe";

/**
 * Collects the axe scans that tests attach (e2e/fixtures/axe.ts) and, when the run ends, writes every violation
 * of every impact to `<outputDir>/axe-report.json` and a table (page × language → counts by impact, rule ids)
 * to `<outputDir>/axe-report.md`, and prints the table. A run without scans writes nothing.
 *
 * A reporter rather than an afterAll hook: Playwright starts a new worker after a failed test, so only the
 * runner sees every test's scan.
 */
export default class AxeReporter implements Reporter {
  private readonly outputDir: string;
  private readonly scans: AxeScan[] = [];

  constructor(options: { outputDir?: string } = {}) {
    this.outputDir = options.outputDir ?? ".data/test-results/accessibility";
  }

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const attachment of result.attachments) {
      if (attachment.name === axeScanAttachment && attachment.body) this.scans.push(JSON.parse(attachment.body.toString("utf8")) as AxeScan);
    }
  }

  onEnd(): void {
    if (this.scans.length === 0) return;
    const scans = [...this.scans].sort((a, b) => a.page.localeCompare(b.page) || a.language.localeCompare(b.language));
    mkdirSync(this.outputDir, { recursive: true });
    const totals = countByImpact(scans.flatMap((scan) => scan.violations));
    const summary = impacts.map((impact) => `${totals[impact]} ${impact}`).join(", ");
    const markdown = `# axe: ${scans.length} scans; rule violations: ${summary}\n\n${formatAxeTable(scans)}\n`;
    writeFileSync(path.join(this.outputDir, "axe-report.json"), `${JSON.stringify({ scans }, null, 2)}\n`);
    writeFileSync(path.join(this.outputDir, "axe-report.md"), markdown);
    console.log(`\n${markdown}\nWritten to ${path.join(this.outputDir, "axe-report.{json,md}")}`);
  }

  printsToStdio(): boolean {
    return true;
  }
}

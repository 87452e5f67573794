#!/usr/bin/env node
/**
 * `npm run bench:diff`: how fast the compare page shows the diff of two versions of a 10,000-word article.
 *
 *   1 stack     throwaway PostgreSQL (or a scratch database on DATABASE_URL's server), migrate, seed, `next build` if
 *               sources changed, `next start` on a free port, sign in as alice
 *   2 versions  a ~10,000-word article from the seed article and a second version with edits spread through it
 *               (lib/diff-article.mjs), saved as two new versions of the seeded document through the API
 *   3 pure      diffTexts (lib/versions/diff.ts) on the two stored texts in Node, and, for reference, jsdiff's
 *               diffWordsWithSpace over the whole texts at once
 *   4 browser   Chromium (Playwright, /usr/bin/chromium when present) opens /documents/{id}/compare?from=&to=
 *               inline and side by side, BENCH_DIFF_RUNS times each after a cold first load: time from navigation
 *               start to the diff in the DOM (server-rendered HTML parsed), and to the `margin:diff-rendered` mark
 *               (components/versions/version-diff.tsx: hydrated, interactive); the same for the page comparing the
 *               newer version with itself (the app's floor for this page, measured now); then, in a loaded page,
 *               switching the view with the whole article unfolded (lib/diff-page.mjs)
 *   5 report    markdown tables, goals PASS/FAIL, raw JSON in .data/bench/diff-<timestamp>.json, and the results
 *               table of docs/benchmarks.md ("Diff") regenerated; exits 1 when a goal is missed
 *
 * Options (environment): BENCH_DIFF_RUNS (15) page loads per view, BENCH_DIFF_PURE_RUNS (30), BENCH_DIFF_WORDS
 * (10000), BENCH_DIFF_EDIT_RATE (0.15: share of paragraphs with a word-level edit), BENCH_DIFF_DOCS (1: rewrite
 * docs/benchmarks.md; 0 to leave it). Everything started here is stopped at the end, on errors and on Ctrl-C.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { chromium } from "@playwright/test";
import { diffWordsWithSpace } from "diff";
import { tsImport } from "tsx/esm/api";

import { bold, dim, ensureDirectory, green, red, root, step } from "../lib/project.mjs";
import { buildLongArticle, countWords, editArticle } from "./lib/diff-article.mjs";
import { measurePageLoads, measureViewSwitches } from "./lib/diff-page.mjs";
import { api, createCleanup, installSignalHandlers, startSeededApp } from "./lib/stack.mjs";
import { Samples, formatMs } from "./lib/stats.mjs";

const config = {
  runs: Math.max(1, Number(process.env.BENCH_DIFF_RUNS ?? 15)),
  pureRuns: Math.max(1, Number(process.env.BENCH_DIFF_PURE_RUNS ?? 30)),
  words: Number(process.env.BENCH_DIFF_WORDS ?? 10_000),
  editRate: Number(process.env.BENCH_DIFF_EDIT_RATE ?? 0.15),
  writeDocs: process.env.BENCH_DIFF_DOCS !== "0",
};
/** The issue's goal: the diff of two versions of a 10,000-word article renders in ≤ 300 ms. */
const goalMs = 300;

const cleanup = createCleanup();
installSignalHandlers(cleanup);

const startedAt = new Date();
const machine = {
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  cpuCount: os.cpus().length,
  totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
};

function gitCommit() {
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).trim() !== "";
    return dirty ? `${commit} (with uncommitted changes)` : commit;
  } catch {
    return "unknown";
  }
}

/** Times `fn` `runs` times after three warm-up calls; the summary in ms. */
function timeRuns(fn, runs) {
  for (let index = 0; index < 3; index += 1) fn();
  const samples = new Samples(runs);
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    fn();
    samples.push(performance.now() - started);
  }
  return samples.summary();
}

function renderReport(results) {
  const { machine: m } = results;
  const lines = [
    `Run of **${results.startedAt.replace("T", " ").replace(/\.\d+Z$/u, " UTC")}** (\`.data/bench/${results.file}\`), \`npm run bench:diff\` with ${results.config.runs} page loads per view, at commit ${results.commit}.`,
    "",
    `Machine: ${m.cpuModel} × ${m.cpuCount} CPUs, ${m.totalMemoryGiB} GiB RAM, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverageAtStart.join(" / ")}. Chromium ${results.browserVersion}, headless, on the same cores as the server.`,
    "",
    `Texts: version ${results.versions.from} has ${results.texts.fromWords.toLocaleString("en-US")} words in ${results.texts.fromParagraphs} paragraphs, version ${results.versions.to} ${results.texts.toWords.toLocaleString("en-US")} in ${results.texts.toParagraphs}; edits: ${Object.entries(results.edits).map(([kind, count]) => `${count} ${kind}`).join(", ")}. The diff: ${results.diffStats.wordsAdded} words added, ${results.diffStats.wordsRemoved} removed in ${results.diffStats.paragraphsChanged} paragraphs, ${results.diffStats.paragraphsMoved} moved (${results.diffStats.changes} changes).`,
    "",
    "| Pure diff (Node, same texts) | runs | p50 ms | p95 ms | max ms |",
    "|---|---:|---:|---:|---:|",
    ...results.pure.map((row) => `| ${row.name} | ${row.count} | ${formatMs(row.p50)} | ${formatMs(row.p95)} | ${formatMs(row.max)} |`),
    "",
    "| Compare page load (Chromium) | loads | first response p50 ms | diff in DOM p50 / p95 ms | diff rendered p50 / p95 ms | cold first load: in DOM / rendered ms | HTML kB | elements in the diff |",
    "|---|---:|---:|---|---|---|---:|---:|",
    ...results.pages.flatMap((row) => [
      `| ${row.view} | ${row.rendered.count} | ${formatMs(row.responseStart.p50)} | ${formatMs(row.inDom.p50)} / ${formatMs(row.inDom.p95)} | **${formatMs(row.rendered.p50)}** / ${formatMs(row.rendered.p95)} | ${formatMs(row.cold.inDom)} / ${formatMs(row.cold.rendered)} | ${row.documentKiB} | ${row.diffElements.toLocaleString("en-US")} |`,
      `| ${row.view}, baseline: version ${results.versions.to} with itself | ${row.baseline.rendered.count} | ${formatMs(row.baseline.responseStart.p50)} | ${formatMs(row.baseline.inDom.p50)} / ${formatMs(row.baseline.inDom.p95)} | ${formatMs(row.baseline.rendered.p50)} / ${formatMs(row.baseline.rendered.p95)} | ${formatMs(row.baseline.cold.inDom)} / ${formatMs(row.baseline.cold.rendered)} | ${row.baseline.documentKiB} | ${row.baseline.diffElements.toLocaleString("en-US")} |`,
    ]),
    "",
    "| Switching view in a loaded page (click → next frame) | switches | p50 ms | p95 ms | max ms |",
    "|---|---:|---:|---:|---:|",
    `| unchanged stretches folded | ${results.switches.folded.count} | ${formatMs(results.switches.folded.p50)} | ${formatMs(results.switches.folded.p95)} | ${formatMs(results.switches.folded.max)} |`,
    `| everything unfolded: the whole article, ${results.switches.unfoldedElements} paragraphs | ${results.switches.unfolded.count} | **${formatMs(results.switches.unfolded.p50)}** | ${formatMs(results.switches.unfolded.p95)} | ${formatMs(results.switches.unfolded.max)} |`,
    "",
    "| Goal | Measured | Result |",
    "|---|---|---|",
    ...results.goals.map((goal) => `| ${goal.goal} | ${goal.measured} | ${goal.pass === null ? "–" : goal.pass ? "PASS" : "FAIL"} |`),
  ];
  return lines.join("\n");
}

/** Replaces the part of docs/benchmarks.md between the bench:diff markers with `report`. */
function writeDocs(report) {
  const file = path.join(root, "docs", "benchmarks.md");
  const start = "<!-- bench:diff results: written by npm run bench:diff -->";
  const end = "<!-- /bench:diff results -->";
  const text = readFileSync(file, "utf8");
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from === -1 || to < from) throw new Error(`docs/benchmarks.md has no "${start}" … "${end}" section`);
  writeFileSync(file, `${text.slice(0, from + start.length)}\n${report}\n${text.slice(to)}`);
}

const total = 5;
let serverForErrors = null;
try {
  console.log(bold("Margin diff benchmark"));
  console.log(dim(`  ${JSON.stringify(config)}`));
  if (machine.loadAverageAtStart[0] > 0.5 * machine.cpuCount) {
    console.log(red(`  The 1-minute load average is ${machine.loadAverageAtStart[0]} on ${machine.cpuCount} CPUs: other work shares this machine, expect slower and noisier figures.`));
  }
  let done = step(1, total, "Starting PostgreSQL, migrating, seeding, building and starting the app");
  const { built, server, cookie, documentId } = await startSeededApp(cleanup, { onServer: (started) => (serverForErrors = started) });
  done(`(${built ? "built" : "build up to date"}; ${server.baseUrl})`);

  done = step(2, total, `Saving a ${config.words.toLocaleString("en-US")}-word article and an edited version of it`);
  const before = buildLongArticle({ words: config.words });
  const { blocks: after, edits } = editArticle(before, { rate: config.editRate });
  const save = async (blocks, note) =>
    (await api(server.baseUrl, cookie, "POST", `/api/documents/${documentId}/versions`, JSON.stringify({ format: "text", content: `date 2020-10 ${blocks.join("\n\n")}`, note }), 201)).number;
  const from = await save(before, "bench:diff — the long article");
  const to = await save(after, "bench:diff — edits spread through it");
  const readText = async (number) => (await api(server.baseUrl, cookie, "GET", `/api/documents/${documentId}/versions/${number}`)).text;
  const [fromText, toText] = await Promise.all([readText(from), readText(to)]);
  done(`(versions ${from} and ${to}: ${countWords(fromText)} and ${countWords(toText)} words)`);

  done = step(3, total, `Pure diff in Node, ${config.pureRuns} runs`);
  const { diffTexts } = await tsImport(path.join(root, "lib", "versions", "diff.ts"), import.meta.url);
  const diff = diffTexts(fromText, toText);
  const pure = [
    { name: "`diffTexts` (paragraphs aligned, then word by word)", ...timeRuns(() => diffTexts(fromText, toText), config.pureRuns) },
    { name: "jsdiff `diffWordsWithSpace` on the whole texts (reference)", ...timeRuns(() => diffWordsWithSpace(fromText, toText), Math.min(config.pureRuns, 10)) },
  ];
  done(`(diffTexts p50 ${formatMs(pure[0].p50)} ms)`);

  done = step(4, total, `Chromium: the compare page, inline and side by side, ${config.runs} loads each, its baseline, and view switches`);
  const browser = await chromium.launch({
    executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  cleanup.add("Chromium", () => browser.close());
  const compareUrl = (older, newer, view) => `${server.baseUrl}/documents/${documentId}/compare?from=${older}&to=${newer}${view === "inline" ? "" : `&view=${view}`}`;
  const pages = [];
  for (const view of ["inline", "side-by-side"]) {
    // The baseline: the same page and article with nothing changed, the app's own floor for this page here, now.
    pages.push({ view, ...(await measurePageLoads({ browser, url: compareUrl(from, to, view), baselineUrl: compareUrl(to, to, view), cookie, runs: config.runs })) });
  }
  const switches = await measureViewSwitches({ browser, url: compareUrl(from, to, "inline"), cookie, runs: config.runs });
  const browserVersion = browser.version();
  done();

  done = step(5, total, "Report");
  const inline = pages.find((row) => row.view === "inline");
  const goals = [
    {
      goal: `the whole diff (${switches.unfoldedElements} paragraphs, nothing folded) rendered by React, median ≤ ${goalMs} ms`,
      measured: `${formatMs(switches.unfolded.p50)} ms`,
      pass: switches.unfolded.p50 <= goalMs,
    },
    ...pages.map((row) => ({
      goal: `page load, ${row.view}: the diff's cost (rendered − rendered of the same page with no change, load by load), median ≤ ${goalMs} ms`,
      measured: `${formatMs(row.cost.p50)} ms (p95 ${formatMs(row.cost.p95)})`,
      pass: row.cost.p50 <= goalMs,
    })),
    // Not a goal of its own: the page's floor (the same page with no change, above) is the app's, not the diff's.
    {
      goal: `(for reference) page load, inline: navigation → diff rendered, median; the same page with no change`,
      measured: `${formatMs(inline.rendered.p50)} ms; ${formatMs(inline.baseline.rendered.p50)} ms`,
      pass: null,
    },
  ];
  const file = `diff-${startedAt.toISOString().replaceAll(":", "-").replace(/\.\d+Z$/u, "Z")}.json`;
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    file,
    commit: gitCommit(),
    config,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    browserVersion,
    build: built ? "rebuilt" : "up to date",
    versions: { from, to },
    texts: {
      fromWords: countWords(fromText),
      toWords: countWords(toText),
      fromParagraphs: fromText.split("\n\n").length,
      toParagraphs: toText.split("\n\n").length,
    },
    edits,
    diffStats: diff.stats,
    pure,
    pages,
    switches,
    goals,
  };
  const report = renderReport(results);
  const directory = ensureDirectory(path.join(".data", "bench"));
  writeFileSync(path.join(directory, file), `${JSON.stringify({ ...results, report }, null, 2)}\n`);
  if (config.writeDocs) writeDocs(report);
  done(`(raw results: .data/bench/${file}${config.writeDocs ? "; docs/benchmarks.md updated" : ""})`);
  console.log(`\n${report}\n`);
  const failed = goals.filter((goal) => goal.pass === false).length;
  console.log(failed ? red(`${failed} goal(s) not met.`) : green("All goals met."));
  await cleanup.run();
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(red(`\nbench:diff failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  if (serverForErrors?.tail.total) console.error(dim(`Last lines of next start:\n${serverForErrors.tail}`));
  await cleanup.run();
  process.exit(1);
}

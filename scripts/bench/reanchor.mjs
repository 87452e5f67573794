#!/usr/bin/env node
/**
 * `npm run bench:reanchor`: how long re-anchoring 1,000 claims onto a new version of the seed article takes
 * (issue 18: ≤ 500 ms on the server). Pure computation: no database, no server.
 *
 *   1 data     the seed article, 1,000 claims spread over it (lib/reanchor-data.mjs: words, phrases,
 *              sentences, pairs of sentences), described with describeTextRange as the app stores them, and a
 *              new version with an editor's changes (an intro above, a moved and a deleted paragraph,
 *              insertions, replacements, a repeated phrase rewritten once, typographic quotes)
 *   2 measure  reanchorClaims(newText, claims): warm-up runs, then timed runs (median, p95); for comparison,
 *              the same claims one at a time with reanchorClaim
 *   3 report   raw results in .data/bench/reanchor-<timestamp>.json; the "Re-anchoring" results in
 *              docs/benchmarks.md regenerated from that JSON; exits 1 when the p95 misses the goal
 *
 * Options (environment): BENCH_REANCHOR_CLAIMS (1000), BENCH_REANCHOR_RUNS (30), BENCH_REANCHOR_WARMUP (5).
 * `node --import tsx scripts/bench/reanchor.mjs --render <file.json>` only regenerates the docs from a saved run.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

import { bin, bold, dim, ensureDirectory, green, red, root, run, step } from "../lib/project.mjs";
import { createCleanup, startDatabase } from "./lib/stack.mjs";
import { EDITS, editArticle, loadSeedArticle, sampleClaimRanges } from "./lib/reanchor-data.mjs";
import { renderReanchorSection, updateBenchmarksDoc } from "./lib/reanchor-report.mjs";
import { Samples } from "./lib/stats.mjs";

const GOAL_MS = 500;

const config = {
  claims: Number(process.env.BENCH_REANCHOR_CLAIMS ?? 1000),
  runs: Number(process.env.BENCH_REANCHOR_RUNS ?? 30),
  warmupRuns: Number(process.env.BENCH_REANCHOR_WARMUP ?? 5),
};

function git(...args) {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

function machineInfo() {
  return {
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    cpuCount: os.cpus().length,
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

/** Times `work` `runs` times after `warmupRuns` untimed ones; returns the summary in ms. */
function time(work, runs, warmupRuns) {
  for (let index = 0; index < warmupRuns; index++) work();
  const samples = new Samples(runs);
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  const { count, mean, p50, p95, max } = samples.summary();
  const min = Math.round(Math.min(...samples.values.slice(0, samples.length)) * 100) / 100;
  return { runs: count, mean, median: p50, p95, min, max };
}

/** How many claims ended in each state and by which method; checks every placement says what it claims. */
function tallyStates(results, claims, newText) {
  const states = { anchored: 0, changed: 0, orphaned: 0 };
  const methods = {};
  results.forEach((result, index) => {
    states[result.state] += 1;
    const key = result.state === "orphaned" ? `orphaned (${result.reason})` : `${result.state} (${result.method})`;
    methods[key] = (methods[key] ?? 0) + 1;
    if (result.state === "anchored" && result.method !== "position" && newText.slice(result.start, result.end) !== claims[index].quote.exact) {
      throw new Error(`Claim ${index} is anchored on text that is not its quote`);
    }
  });
  return { states, methods };
}

async function measure() {
  const { describeTextRange, reanchorClaim, reanchorClaims } = await import("../../lib/anchoring/index.ts");
  const total = 4;
  let done = step(1, total, `Data: ${config.claims} claims on the seed article, a new version`);
  const article = loadSeedArticle();
  const newText = editArticle(article);
  const claims = sampleClaimRanges(article, config.claims).map((range) => describeTextRange(article, range));
  done(`(${article.length} → ${newText.length} characters)`);

  done = step(2, total, `Measuring: ${config.warmupRuns} warm-up + ${config.runs} timed runs`);
  let results = [];
  const batch = time(() => (results = reanchorClaims(newText, claims)), config.runs, config.warmupRuns);
  const oneByOne = time(() => claims.map((selectors) => reanchorClaim(newText, selectors)), Math.max(5, Math.floor(config.runs / 3)), 2);
  done(`(median ${batch.median} ms, p95 ${batch.p95} ms)`);

  const server = process.env.BENCH_REANCHOR_SERVER === "0" ? null : await measureServer();

  const head = git("rev-parse", "HEAD");
  const dirty = git("status", "--porcelain", "--", "lib/anchoring", "scripts/bench");
  return {
    startedAt: new Date().toISOString(),
    commit: head ? { sha: head, short: head.slice(0, 10), uncommittedChanges: Boolean(dirty) } : null,
    machine: machineInfo(),
    config,
    data: {
      articleCharacters: article.length,
      newVersionCharacters: newText.length,
      claims: claims.length,
      edits: EDITS,
    },
    batch,
    oneByOne,
    ...tallyStates(results, claims, newText),
    goal: { description: `reanchorClaims, ${config.claims} claims: p95 ≤ ${GOAL_MS} ms`, limitMs: GOAL_MS, pass: batch.p95 <= GOAL_MS },
    ...(server ? { server } : {}),
  };
}

/**
 * The whole save on the server: a throwaway PostgreSQL (or a scratch database on DATABASE_URL's server), migrated,
 * and scripts/bench/reanchor-server.ts timing `createVersion` on fresh documents with the same claims.
 */
async function measureServer() {
  const done = step(3, 4, "Server: createVersion on PostgreSQL, the same claims on a fresh document each run");
  const cleanup = createCleanup();
  try {
    const database = await startDatabase(cleanup, { log: () => {} });
    const env = { ...process.env, DATABASE_URL: database.databaseUrl, NODE_ENV: "production", CHECKPOINT_DISABLE: "1" };
    await run(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
    const output = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts/bench/reanchor-server.ts")], {
      cwd: root,
      env: { ...env, BENCH_REANCHOR_CLAIMS: String(config.claims) },
      encoding: "utf8",
      maxBuffer: 16 * 1024 * 1024,
    });
    const measured = JSON.parse(output.trim().split("\n").at(-1));
    const samples = new Samples(measured.samples.length);
    for (const sample of measured.samples) samples.push(sample);
    const { count, mean, p50, p95, max } = samples.summary();
    const min = Math.round(Math.min(...measured.samples) * 100) / 100;
    const postgresVersion = execFileSync(bin("prisma"), ["--version"], { cwd: root, encoding: "utf8" }).match(/PostgreSQL\s+([\d.]+)/u)?.[1];
    const timing = { runs: count, mean, median: p50, p95, min, max };
    done(`(median ${timing.median} ms, p95 ${timing.p95} ms)`);
    return {
      claims: measured.claims,
      postgres: database.embedded ? `embedded${postgresVersion ? ` ${postgresVersion}` : ""}` : "from DATABASE_URL",
      timing,
      counts: measured.counts,
      goal: { description: `createVersion with ${measured.claims} claims, on PostgreSQL: p95 ≤ ${GOAL_MS} ms`, limitMs: GOAL_MS, pass: timing.p95 <= GOAL_MS },
    };
  } finally {
    await cleanup.run();
  }
}

try {
  const renderIndex = process.argv.indexOf("--render");
  let results;
  let file;
  if (renderIndex !== -1) {
    file = process.argv[renderIndex + 1];
    if (!file) throw new Error("--render needs a JSON file written by an earlier run");
    results = JSON.parse(readFileSync(file, "utf8"));
  } else {
    console.log(bold("Margin re-anchoring benchmark"));
    console.log(dim(`  ${JSON.stringify(config)}`));
    results = await measure();
    step(4, 4, "Report")();
    const directory = ensureDirectory(path.join(".data", "bench"));
    file = path.join(directory, `reanchor-${results.startedAt.replaceAll(":", "-").replace(/\.\d+Z$/u, "Z")}.json`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  }
  const relative = path.relative(root, path.resolve(file));
  const section = renderReanchorSection(results, relative);
  updateBenchmarksDoc(section);
  console.log(`\n${section}\n`);
  console.log(dim(`Raw results: ${relative}; docs/benchmarks.md ("Re-anchoring") regenerated from them.`));
  const pass = results.goal.pass && (results.server?.goal.pass ?? true);
  console.log(pass ? green("Goals met.") : red(`Goal missed: p95 ${results.batch.p95} ms (pure), ${results.server?.timing.p95 ?? "–"} ms (server); goal ${GOAL_MS} ms.`));
  process.exit(pass ? 0 : 1);
} catch (error) {
  console.error(red(`\nbench:reanchor failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  process.exit(1);
}

#!/usr/bin/env node
/**
 * `npm run bench:api`: throughput and latency of the claims API against this server's own ceiling, and the
 * desk's search.
 *
 *   1 stack       throwaway PostgreSQL (or a scratch database on DATABASE_URL's server), migrate, seed,
 *                 `next build` if sources changed, `next start` on a free port, sign in as alice
 *   2 search      the desk's text search over a team of 10,000 claims with comments (lib/search-run.mjs); first,
 *                 so the claims the next steps add do not share its index
 *   3 statements  SQL statements per create-claim request, from PostgreSQL's statement log (embedded only)
 *   4 HTTP load   autocannon at 1, 10 and 50 connections: GET /api/health (no session, no database: the
 *                 server's ceiling), POST /api/documents/{id}/claims, GET /api/documents/{id}/claims on a
 *                 copy of the article holding exactly N claims
 *   5 database    plain `pg` single-row INSERTs of the same claim rows through a pg.Pool of 10 and 50
 *                 (steps 3–5: lib/claims-run.mjs)
 *   6 report      markdown tables, goals PASS/FAIL, raw JSON in .data/bench/api-<timestamp>.json; exits 1 when a
 *                 goal is missed
 *
 * Options (environment): BENCH_DURATION seconds per measurement (10), BENCH_WARMUP seconds before each (2),
 * BENCH_CONNECTIONS ("1,10,50"), BENCH_DB_POOLS ("10,50"), BENCH_LIST_CLAIMS (50), BENCH_STATEMENT_REQUESTS (20),
 * BENCH_RUNS ("claims,search": which runs), BENCH_SEARCH_CLAIMS (10000), BENCH_SEARCH_CONNECTIONS ("1,10"),
 * BENCH_SEARCH_ROUNDS (20: sequential requests per query for the per-query table).
 * Everything started here is stopped at the end, on errors and on Ctrl-C.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { bold, dim, ensureDirectory, green, red, step } from "../lib/project.mjs";
import { createListDocument, evaluateClaimsGoals, renderClaimsReport, runClaimsBenchmark } from "./lib/claims-run.mjs";
import { createCpuMeter, findPostmasterPid } from "./lib/cpu.mjs";
import { stopCurrentLoad } from "./lib/load.mjs";
import { evaluateSearchGoals, renderSearchReport, runSearchBenchmark } from "./lib/search-run.mjs";
import { api, createCleanup, createClaimBody, installSignalHandlers, startSeededApp } from "./lib/stack.mjs";

const numberList = (value, fallback) =>
  (value ?? fallback)
    .split(",")
    .map((item) => Number(item.trim()))
    .filter((item) => Number.isFinite(item) && item > 0);

const config = {
  durationS: Number(process.env.BENCH_DURATION ?? 10),
  warmupS: Number(process.env.BENCH_WARMUP ?? 2),
  connections: numberList(process.env.BENCH_CONNECTIONS, "1,10,50"),
  dbPools: numberList(process.env.BENCH_DB_POOLS, "10,50"),
  listClaims: Number(process.env.BENCH_LIST_CLAIMS ?? 50),
  statementRequests: Number(process.env.BENCH_STATEMENT_REQUESTS ?? 20),
  runs: (process.env.BENCH_RUNS ?? "claims,search").split(",").map((item) => item.trim()),
  searchClaims: Number(process.env.BENCH_SEARCH_CLAIMS ?? 10_000),
  searchConnections: numberList(process.env.BENCH_SEARCH_CONNECTIONS, "1,10"),
  searchRounds: Number(process.env.BENCH_SEARCH_ROUNDS ?? 20),
};
const runsClaims = config.runs.includes("claims");
const runsSearch = config.runs.includes("search");

const cleanup = createCleanup();
installSignalHandlers(cleanup, stopCurrentLoad);

const startedAt = new Date();
const machine = {
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  cpuCount: os.cpus().length,
  totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
};

/** The whole report (markdown): the machine, each run's tables, the goals. */
function renderReport(results) {
  const lines = [];
  lines.push(`### Margin API benchmark — ${results.startedAt}`);
  lines.push("");
  lines.push(
    `Machine: ${results.machine.cpuModel} × ${results.machine.cpuCount} CPUs, ${results.machine.totalMemoryGiB} GiB RAM, Node ${results.machine.node}, ${results.machine.platform}; ` +
      `load average at start ${results.machine.loadAverageAtStart.join(" / ")}. ` +
      `${results.config.durationS} s per measurement after ${results.config.warmupS} s warm-up; load generator in the same process as the report, on the same cores.`,
  );
  if (results.http.length > 0) lines.push("", ...renderClaimsReport(results));
  if (results.search) lines.push("", renderSearchReport(results.search));
  lines.push("");
  lines.push("| Goal | Measured | Result |");
  lines.push("|---|---|---|");
  for (const goal of results.goals) lines.push(`| ${goal.goal} | ${goal.measured} | ${goal.pass === null ? "n/a" : goal.pass ? "PASS" : "FAIL"} |`);
  return lines.join("\n");
}

function evaluateGoals(results) {
  return [...(results.http.length > 0 ? evaluateClaimsGoals(results) : []), ...(results.search ? evaluateSearchGoals(results.search) : [])];
}

const total = 6;
let serverForErrors = null;
try {
  console.log(bold("Margin API benchmark"));
  console.log(dim(`  ${JSON.stringify(config)}`));
  if (machine.loadAverageAtStart[0] > 0.5 * machine.cpuCount) {
    console.log(red(`  The 1-minute load average is ${machine.loadAverageAtStart[0]} on ${machine.cpuCount} CPUs: other work shares this machine, expect lower and noisier figures.`));
  }
  let done = step(1, total, "Starting PostgreSQL, migrating, seeding, building and starting the app");
  const { database, built, server, cookie, documentId } = await startSeededApp(cleanup, { onServer: (started) => (serverForErrors = started) });
  let listDocumentId = null;
  if (runsClaims) {
    listDocumentId = await createListDocument(database.databaseUrl, documentId);
    for (let index = 0; index < config.listClaims; index += 1) {
      await api(server.baseUrl, cookie, "POST", `/api/documents/${listDocumentId}/claims`, createClaimBody, 201);
    }
    const listed = await api(server.baseUrl, cookie, "GET", `/api/documents/${listDocumentId}/claims`);
    if (listed.items.length !== config.listClaims) throw new Error(`List document has ${listed.items.length} claims, expected ${config.listClaims}`);
  }
  let postmasterPid = null;
  if (database.embedded) {
    const client = new pg.Client({ connectionString: database.adminUrl });
    await client.connect();
    postmasterPid = await findPostmasterPid(client);
    await client.end();
  }
  const meter = createCpuMeter({ serverPid: server.child.pid, postmasterPid });
  done(`(${built ? "built" : "build up to date"}; ${server.baseUrl}${runsClaims ? `; list document holds ${config.listClaims} claims` : ""})`);

  // The search first: the claims run adds ~170,000 claims to the same table (and its search index).
  let search = null;
  done = step(2, total, `Search: ${config.searchClaims} claims, ${config.searchConnections.length} measurements × (${config.warmupS} s warm-up + ${config.durationS} s)`);
  if (runsSearch) {
    search = await runSearchBenchmark({
      databaseUrl: database.databaseUrl,
      baseUrl: server.baseUrl,
      cookie,
      sourceDocumentId: documentId,
      claimCount: config.searchClaims,
      connections: config.searchConnections,
      durationS: config.durationS,
      warmupS: config.warmupS,
      rounds: config.searchRounds,
      meter,
      log: (line) => console.log(line),
    });
    done();
  } else {
    done("(skipped: BENCH_RUNS)");
  }

  const claims = runsClaims
    ? await runClaimsBenchmark({ config, cleanup, database, server, cookie, documentId, listDocumentId, meter, total })
    : { statements: null, http: [], dbResults: [], ratios: [] };

  done = step(6, total, "Report");
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    config,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    database: claims.dbResults,
    databaseEmbedded: database.embedded,
    listClaims: config.listClaims,
    build: built ? "rebuilt" : "up to date",
    http: claims.http,
    ratios: claims.ratios,
    statements: claims.statements,
    search,
    serverLogLines: server.tail.total,
  };
  results.goals = evaluateGoals(results);
  const report = renderReport(results);
  const directory = ensureDirectory(path.join(".data", "bench"));
  const file = path.join(directory, `api-${startedAt.toISOString().replaceAll(":", "-").replace(/\.\d+Z$/u, "Z")}.json`);
  writeFileSync(file, `${JSON.stringify({ ...results, report }, null, 2)}\n`);
  done(`(raw results: ${path.relative(process.cwd(), file)})`);
  console.log(`\n${report}\n`);
  const failed = results.goals.filter((goal) => goal.pass === false).length;
  console.log(failed ? red(`${failed} goal(s) not met.`) : green("All measured goals met."));
  await cleanup.run();
  process.exit(failed ? 1 : 0);
} catch (error) {
  console.error(red(`\nbench:api failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
  if (serverForErrors?.tail.total) console.error(dim(`Last lines of next start:\n${serverForErrors.tail}`));
  stopCurrentLoad();
  await cleanup.run();
  process.exit(1);
}

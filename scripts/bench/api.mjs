#!/usr/bin/env node
/**
 * `npm run bench:api`: throughput and latency of the claims API against this server's own ceiling.
 *
 *   1 stack       throwaway PostgreSQL (or a scratch database on DATABASE_URL's server), migrate, seed,
 *                 `next build` if sources changed, `next start` on a free port, sign in as alice
 *   2 statements  SQL statements per create-claim request, from PostgreSQL's statement log (embedded only)
 *   3 HTTP load   autocannon at 1, 10 and 50 connections: GET /api/health (no session, no database: the
 *                 server's ceiling), POST /api/documents/{id}/claims, GET /api/documents/{id}/claims on a
 *                 copy of the article holding exactly N claims
 *   4 database    plain `pg` single-row INSERTs of the same claim rows through a pg.Pool of 10 and 50
 *   5 report      markdown table, goals PASS/FAIL, raw JSON in .data/bench/api-<timestamp>.json
 *
 * Options (environment): BENCH_DURATION seconds per measurement (10), BENCH_WARMUP seconds before each (2),
 * BENCH_CONNECTIONS ("1,10,50"), BENCH_DB_POOLS ("10,50"), BENCH_LIST_CLAIMS (50), BENCH_STATEMENT_REQUESTS (20).
 * Everything started here is stopped at the end, on errors and on Ctrl-C.
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import pg from "pg";

import { bold, dim, ensureDirectory, green, red, step } from "../lib/project.mjs";
import { createCpuMeter, findPostmasterPid } from "./lib/cpu.mjs";
import { runHttpLoad, runPgLoad, stopCurrentLoad } from "./lib/load.mjs";
import {
  api,
  appEnvironment,
  createCleanup,
  createClaimBody,
  installSignalHandlers,
  prepareApp,
  signIn,
  startDatabase,
  startServer,
} from "./lib/stack.mjs";
import { formatMs, formatNumber } from "./lib/stats.mjs";

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
};

const goals = { createToHealthMin: 0.4, createP99AtOneMaxMs: 20, statementsPerCreateMax: 3 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
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

/**
 * Counts the SQL statements PostgreSQL executes for `requests` sequential create-claim requests, by turning
 * on log_statement=all for just this window. Statements of the admin connection are ignored.
 */
async function countStatementsPerCreate(database, server, cookie, documentId, requests) {
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  const {
    rows: [{ pid: adminPid }],
  } = await admin.query("SELECT pg_backend_pid() AS pid");
  const statementLine = /\[(\d+)\]\s+LOG:\s+(statement|execute [^:]*):\s?(.*)$/u;
  const captured = [];
  let marker = null;
  let markerSeen = false;
  const prefixedLine = /^\d{4}-\d\d-\d\d [\d:.]+ \S+ \[\d+\] /u;
  let last = null; // The statement whose SQL continues on the following unprefixed lines.
  const onLine = (line) => {
    const match = statementLine.exec(line);
    if (!match) {
      if (last && !prefixedLine.test(line)) last.sql += `\n${line}`;
      else last = null;
      return;
    }
    const pid = Number(match[1]);
    last = null;
    if (pid === adminPid) {
      if (marker && line.includes(marker)) markerSeen = true;
      return;
    }
    last = { pid, kind: match[2].startsWith("execute") ? "execute" : "statement", sql: match[3] };
    captured.push(last);
  };
  const sendMarker = async () => {
    marker = `margin-bench-marker-${randomBytes(4).toString("hex")}`;
    markerSeen = false;
    const deadline = Date.now() + 10_000;
    while (!markerSeen) {
      if (Date.now() > deadline) throw new Error(`PostgreSQL's statement log did not show the marker within 10 s; last log lines:\n${database.postgresTail}`);
      await admin.query(`SELECT '${marker}'`);
      await sleep(100);
    }
  };
  let enabled = false;
  const disable = async () => {
    if (!enabled) return;
    enabled = false;
    await admin.query("ALTER SYSTEM RESET log_statement");
    await admin.query("SELECT pg_reload_conf()");
  };
  cleanup.add("statement logging", async () => {
    await disable().catch(() => {});
    await admin.end().catch(() => {});
  });
  // One request first: it refreshes the session's lastSeenAt if due (at most once a minute, fire-and-forget),
  // so that bookkeeping write does not land in the counted window.
  await api(server.baseUrl, cookie, "POST", `/api/documents/${documentId}/claims`, createClaimBody, 201);
  await sleep(300);
  database.postgresLog.on("line", onLine);
  try {
    enabled = true;
    await admin.query("ALTER SYSTEM SET log_statement = 'all'");
    await admin.query("SELECT pg_reload_conf()");
    await sendMarker();
    captured.length = 0;
    for (let index = 0; index < requests; index += 1) {
      await api(server.baseUrl, cookie, "POST", `/api/documents/${documentId}/claims`, createClaimBody, 201);
    }
    await sendMarker(); // Every statement of the requests is in the log before the marker.
  } finally {
    database.postgresLog.off("line", onLine);
    await disable();
  }
  const byStatement = new Map();
  for (const { sql } of captured) {
    const key = sql.replace(/\s+/gu, " ").trim().slice(0, 100);
    byStatement.set(key, (byStatement.get(key) ?? 0) + 1);
  }
  return {
    requests,
    statements: captured.length,
    perRequest: Math.round((captured.length / requests) * 100) / 100,
    connections: new Set(captured.map((item) => item.pid)).size,
    breakdown: [...byStatement].map(([sql, count]) => ({ sql, count, perRequest: Math.round((count / requests) * 100) / 100 })),
  };
}

/** A copy of the seeded article, so list-claims reads a document whose claim count never changes. */
async function createListDocument(databaseUrl, sourceDocumentId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `INSERT INTO documents (team_id, created_by_id, title, published_on, content, text, version, updated_at)
       SELECT team_id, created_by_id, title || ' (benchmark copy)', published_on, content, text, version, now()
       FROM documents WHERE id = $1::uuid RETURNING id`,
      [sourceDocumentId],
    );
    return rows[0].id;
  } finally {
    await client.end();
  }
}

async function countClaims(databaseUrl, documentId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query("SELECT count(*)::int AS n FROM claims WHERE document_id = $1::uuid", [documentId]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/** The columns of a claim the app stored, to insert identical rows with plain pg. */
async function loadClaimTemplate(databaseUrl, documentId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT document_id, team_id, author_id, quote_exact, quote_prefix, quote_suffix, position_start, position_end,
              document_version
       FROM claims WHERE document_id = $1::uuid ORDER BY created_at LIMIT 1`,
      [documentId],
    );
    if (!rows[0]) throw new Error("No claim to copy for the database benchmark");
    return rows[0];
  } finally {
    await client.end();
  }
}

const insertClaimSql = `INSERT INTO claims (document_id, team_id, author_id, visibility, quote_exact, quote_prefix, quote_suffix,
                    position_start, position_end, document_version)
VALUES ($1::uuid, $2::uuid, $3::uuid, 'TEAM'::"ClaimVisibility", $4, $5, $6, $7, $8, $9)`;

const cores = (value) => (value === null || value === undefined ? "–" : value.toFixed(2));
/** "server 0.95 / pg 0.40 / bench 0.55 / other 0.05 cores" */
function formatCpu(cpu) {
  return cpu ? `CPU cores: server ${cores(cpu.server)}, pg ${cores(cpu.postgres)}, bench ${cores(cpu.bench)}, other ${cores(cpu.other)}` : "";
}

function renderReport(results) {
  const lines = [];
  const { http, database: db, statements } = results;
  const scenarioNames = { health: "GET /api/health", create: "POST /api/documents/{id}/claims", list: `GET /api/documents/{id}/claims (N=${results.listClaims})` };
  lines.push(`### Margin API benchmark — ${results.startedAt}`);
  lines.push("");
  lines.push(
    `Machine: ${results.machine.cpuModel} × ${results.machine.cpuCount} CPUs, ${results.machine.totalMemoryGiB} GiB RAM, Node ${results.machine.node}, ${results.machine.platform}; ` +
      `load average at start ${results.machine.loadAverageAtStart.join(" / ")}. ` +
      `${results.config.durationS} s per measurement after ${results.config.warmupS} s warm-up; load generator in the same process as the report, on the same cores.`,
  );
  lines.push("");
  lines.push("| Scenario | Conns | req/s | p50 ms | p99 ms | 2xx | non-2xx | errors | timeouts | CPU cores: server / pg / bench / other |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  const cpuCell = (cpu) => (cpu ? `${cores(cpu.server)} / ${cores(cpu.postgres)} / ${cores(cpu.bench)} / ${cores(cpu.other)}` : "–");
  for (const scenario of ["health", "create", "list"]) {
    for (const run of http.filter((item) => item.scenario === scenario)) {
      lines.push(
        `| ${scenarioNames[scenario]} | ${run.connections} | ${formatNumber(run.rps)} | ${formatMs(run.latency.p50)} | ${formatMs(run.latency.p99)} | ${formatNumber(run.ok2xx)} | ${run.non2xx} | ${run.errors} | ${run.timeouts} | ${cpuCell(run.cpu)} |`,
      );
    }
  }
  for (const run of db) {
    lines.push(
      `| pg INSERT INTO claims (Pool ${run.poolSize}, ${run.loops} loops) | ${run.poolSize} | ${formatNumber(run.rps)} | ${formatMs(run.latency.p50)} | ${formatMs(run.latency.p99)} | ${formatNumber(run.operations)} | – | ${run.errors} | – | ${cpuCell(run.cpu)} |`,
    );
  }
  lines.push("");
  lines.push("| Ratio | Conns | Value |");
  lines.push("|---|---:|---:|");
  for (const ratio of results.ratios) {
    lines.push(`| ${ratio.name} | ${ratio.connections} | ${ratio.value === null ? "–" : `${(ratio.value * 100).toFixed(1)} %`} |`);
  }
  lines.push("");
  lines.push(
    statements
      ? `SQL statements per create-claim request: **${statements.perRequest}** (${statements.statements} statements for ${statements.requests} sequential requests, over ${statements.connections} connection(s)).`
      : "SQL statements per create-claim request: unavailable (DATABASE_URL points at an external server, whose log this script cannot read).",
  );
  if (statements) {
    lines.push("");
    lines.push("| Statement (first 100 characters) | per request |");
    lines.push("|---|---:|");
    for (const { sql, perRequest } of statements.breakdown) lines.push(`| \`${sql.replaceAll("|", "\\|")}\` | ${perRequest} |`);
  }
  lines.push("");
  lines.push("| Goal | Measured | Result |");
  lines.push("|---|---|---|");
  for (const goal of results.goals) lines.push(`| ${goal.goal} | ${goal.measured} | ${goal.pass === null ? "n/a" : goal.pass ? "PASS" : "FAIL"} |`);
  return lines.join("\n");
}

function evaluateGoals(results) {
  const find = (scenario, connections) => results.http.find((run) => run.scenario === scenario && run.connections === connections);
  const list = [];
  for (const connections of [10, 50]) {
    const ratio = results.ratios.find((item) => item.connections === connections && item.name.startsWith("create"));
    list.push({
      goal: `create-claim ≥ ${goals.createToHealthMin * 100} % of /api/health req/s at ${connections} connections`,
      measured: ratio?.value === null || !ratio ? "not measured" : `${(ratio.value * 100).toFixed(1)} %`,
      pass: ratio?.value === null || !ratio ? null : ratio.value >= goals.createToHealthMin,
    });
  }
  const createAtOne = find("create", 1);
  list.push({
    goal: `create-claim p99 ≤ ${goals.createP99AtOneMaxMs} ms at 1 connection`,
    measured: createAtOne ? `${formatMs(createAtOne.latency.p99)} ms` : "not measured",
    pass: createAtOne ? createAtOne.latency.p99 <= goals.createP99AtOneMaxMs : null,
  });
  const failures =
    results.http.reduce((sum, run) => sum + run.errors + run.timeouts + run.non2xx, 0) + results.database.reduce((sum, run) => sum + run.errors, 0);
  list.push({ goal: "0 errors (HTTP errors, timeouts and non-2xx; pg errors)", measured: String(failures), pass: failures === 0 });
  list.push({
    goal: `≤ ${goals.statementsPerCreateMax} SQL statements per create-claim`,
    measured: results.statements ? String(results.statements.perRequest) : "unavailable (external database)",
    pass: results.statements ? results.statements.perRequest <= goals.statementsPerCreateMax : null,
  });
  return list;
}

const total = 5;
let serverForErrors = null;
try {
  console.log(bold("Margin API benchmark"));
  console.log(dim(`  ${JSON.stringify(config)}`));
  if (machine.loadAverageAtStart[0] > 0.5 * machine.cpuCount) {
    console.log(red(`  The 1-minute load average is ${machine.loadAverageAtStart[0]} on ${machine.cpuCount} CPUs: other work shares this machine, expect lower and noisier figures.`));
  }
  let done = step(1, total, "Starting PostgreSQL, migrating, seeding, building and starting the app");
  const database = await startDatabase(cleanup);
  const env = appEnvironment(database.databaseUrl);
  const built = await prepareApp(env);
  const { findFreePort } = await import("../lib/database.mjs");
  const server = await startServer(cleanup, env, { port: await findFreePort() });
  serverForErrors = server;
  const cookie = await signIn(server.baseUrl, "alice@example.com", "margin-demo");
  const { items: documents } = await api(server.baseUrl, cookie, "GET", "/api/documents");
  const documentId = documents[0]?.id;
  if (!documentId) throw new Error("The seeded document is missing");
  const listDocumentId = await createListDocument(database.databaseUrl, documentId);
  for (let index = 0; index < config.listClaims; index += 1) {
    await api(server.baseUrl, cookie, "POST", `/api/documents/${listDocumentId}/claims`, createClaimBody, 201);
  }
  const listed = await api(server.baseUrl, cookie, "GET", `/api/documents/${listDocumentId}/claims`);
  if (listed.items.length !== config.listClaims) throw new Error(`List document has ${listed.items.length} claims, expected ${config.listClaims}`);
  let postmasterPid = null;
  if (database.embedded) {
    const client = new pg.Client({ connectionString: database.adminUrl });
    await client.connect();
    postmasterPid = await findPostmasterPid(client);
    await client.end();
  }
  const meter = createCpuMeter({ serverPid: server.child.pid, postmasterPid });
  done(`(${built ? "built" : "build up to date"}; ${server.baseUrl}; list document holds ${config.listClaims} claims)`);

  done = step(2, total, `Counting SQL statements for ${config.statementRequests} create-claim requests`);
  let statements = null;
  if (database.embedded) {
    statements = await countStatementsPerCreate(database, server, cookie, documentId, config.statementRequests);
    done(`(${statements.perRequest} per request)`);
  } else {
    done("(unavailable: DATABASE_URL points at an external server whose log this script cannot read)");
  }

  const scenarios = {
    health: { method: "GET", path: "/api/health" },
    create: {
      method: "POST",
      path: `/api/documents/${documentId}/claims`,
      headers: { cookie, "content-type": "application/json" },
      body: createClaimBody,
    },
    list: { method: "GET", path: `/api/documents/${listDocumentId}/claims`, headers: { cookie } },
  };
  const measurements = config.connections.length * 3;
  done = step(3, total, `HTTP load: ${measurements} measurements × (${config.warmupS} s warm-up + ${config.durationS} s)`);
  const http = [];
  for (const connections of config.connections) {
    for (const [scenario, request] of Object.entries(scenarios)) {
      if (config.warmupS > 0) await runHttpLoad(server.baseUrl, request, { connections, durationS: config.warmupS });
      const result = { scenario, ...(await runHttpLoad(server.baseUrl, request, { connections, durationS: config.durationS, meter })) };
      http.push(result);
      const bad = result.errors + result.timeouts + result.non2xx;
      console.log(
        `      ${scenario.padEnd(6)} ${String(connections).padStart(3)} conns  ${formatNumber(result.rps).padStart(7)} req/s  p50 ${formatMs(result.latency.p50)} ms  p99 ${formatMs(result.latency.p99)} ms  ${dim(formatCpu(result.cpu))}${bad ? red(`  ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts ${JSON.stringify(result.statusCounts)}`) : ""}`,
      );
    }
  }
  const listClaimsAfter = await countClaims(database.databaseUrl, listDocumentId);
  if (listClaimsAfter !== config.listClaims) throw new Error(`The list document changed during the run (${listClaimsAfter} claims)`);
  done();

  done = step(4, total, `Database ceiling: pg INSERTs through pg.Pool of ${config.dbPools.join(" and ")}`);
  const template = await loadClaimTemplate(database.databaseUrl, documentId);
  const parameters = [
    template.document_id,
    template.team_id,
    template.author_id,
    template.quote_exact,
    template.quote_prefix,
    template.quote_suffix,
    template.position_start,
    template.position_end,
    template.document_version,
  ];
  const dbResults = [];
  for (const poolSize of config.dbPools) {
    const result = await runPgLoad(database.databaseUrl, {
      poolSize,
      durationS: config.durationS,
      warmupS: Math.min(config.warmupS, 2),
      query: (pool) => pool.query(insertClaimSql, parameters),
      meter,
    });
    dbResults.push(result);
    console.log(
      `      pool ${String(poolSize).padStart(3)}  ${formatNumber(result.rps).padStart(7)} inserts/s  p50 ${formatMs(result.latency.p50)} ms  p99 ${formatMs(result.latency.p99)} ms  ${dim(formatCpu(result.cpu))}${result.errors ? red(`  ${result.errors} errors: ${result.firstError}`) : ""}`,
    );
  }
  done();

  done = step(5, total, "Report");
  const ratios = [];
  for (const connections of config.connections) {
    const health = http.find((run) => run.scenario === "health" && run.connections === connections);
    for (const scenario of ["create", "list"]) {
      const run = http.find((item) => item.scenario === scenario && item.connections === connections);
      ratios.push({ name: `${scenario} / health (req/s)`, connections, value: health?.rps ? Math.round((run.rps / health.rps) * 1000) / 1000 : null });
    }
    const dbRun = dbResults.find((run) => run.poolSize === connections);
    const create = http.find((item) => item.scenario === "create" && item.connections === connections);
    if (dbRun && create) ratios.push({ name: "create / pg INSERT (req/s)", connections, value: Math.round((create.rps / dbRun.rps) * 1000) / 1000 });
  }
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    config,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    database: dbResults,
    databaseEmbedded: database.embedded,
    listClaims: config.listClaims,
    build: built ? "rebuilt" : "up to date",
    http,
    ratios,
    statements,
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
  process.exit(0);
} catch (error) {
  console.error(red(`\nbench:api failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`));
  if (serverForErrors?.tail.total) console.error(dim(`Last lines of next start:\n${serverForErrors.tail}`));
  stopCurrentLoad();
  await cleanup.run();
  process.exit(1);
}

/**
 * `bench:api`'s claims run: SQL statements per create-claim (from PostgreSQL's statement log, embedded only), HTTP
 * load on `GET /api/health`, create-claim and list-claims at 1, 10 and 50 connections, and the database's own
 * ceiling for the same inserts; its report tables and goals. api.mjs runs it after the search run.
 */
import { randomBytes } from "node:crypto";

import pg from "pg";

import { dim, red, step } from "../../lib/project.mjs";
import { runHttpLoad, runPgLoad } from "./load.mjs";
import { api, createClaimBody } from "./stack.mjs";
import { formatMs, formatNumber } from "./stats.mjs";

const goals = { createToHealthMin: 0.4, createP99AtOneMaxMs: 20, statementsPerCreateMax: 3 };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Counts the SQL statements PostgreSQL executes for `requests` sequential create-claim requests, by turning
 * on log_statement=all for just this window. Statements of the admin connection are ignored.
 */
async function countStatementsPerCreate(cleanup, database, server, cookie, documentId, requests) {
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
export async function createListDocument(databaseUrl, sourceDocumentId) {
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

/** The claims run's tables: HTTP scenarios and the database ceiling, ratios, statements per create. */
export function renderClaimsReport(results) {
  const lines = [];
  const { http, database: db, statements } = results;
  const scenarioNames = { health: "GET /api/health", create: "POST /api/documents/{id}/claims", list: `GET /api/documents/{id}/claims (N=${results.listClaims})` };
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
  return lines;
}

export function evaluateClaimsGoals(results) {
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

/**
 * Steps 2–4, the claims run: statements per create-claim, HTTP load on health / create / list, the database's
 * ceiling. Returns { statements, http, dbResults, ratios }.
 */
export async function runClaimsBenchmark({ config, cleanup, database, server, cookie, documentId, listDocumentId, meter, total }) {
  let done = step(3, total, `Counting SQL statements for ${config.statementRequests} create-claim requests`);
  let statements = null;
  if (database.embedded) {
    statements = await countStatementsPerCreate(cleanup, database, server, cookie, documentId, config.statementRequests);
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
  done = step(4, total, `HTTP load: ${measurements} measurements × (${config.warmupS} s warm-up + ${config.durationS} s)`);
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

  done = step(5, total, `Database ceiling: pg INSERTs through pg.Pool of ${config.dbPools.join(" and ")}`);
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
  return { statements, http, dbResults, ratios };
}

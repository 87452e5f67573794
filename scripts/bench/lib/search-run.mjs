/**
 * `bench:api`'s search run: the desk's text search (`GET /api/teams/{id}/claims?q=…`) over a team of N claims
 * with comments and evidence (lib/desk-data.mjs), as people type it. p95 latency at 1 connection is the goal
 * (issue 14: ≤ 50 ms over 10,000 claims); 10 connections show how it holds under concurrent use. Each query's
 * own latency (sequential requests) and how many claims it matches are reported beside it.
 */
import { performance } from "node:perf_hooks";

import pg from "pg";

import { createDeskTeam } from "./desk-data.mjs";
import { runHttpLoad } from "./load.mjs";
import { Samples, formatMs, formatNumber } from "./stats.mjs";

/**
 * What people type into the desk's search box: names with and without accents, Dutch and English, singular for
 * plural, a couple with a filter or another order. Each is a query string of the desk's API.
 */
export const searchQueries = [
  "q=wapen+azerbeidzjan",
  "q=Erdogan",
  "q=drone",
  "q=Poetin+wapenstilstand",
  "q=Turkse+drones",
  "q=huurlingen+Syri%C3%AB",
  "q=Rusland+Armeni%C3%AB",
  "q=ceasefire+Moscow",
  "q=SIPRI",
  "q=bron",
  "q=Nagorno-Karabach",
  "q=gas+Turkije",
  "q=drone&status=open",
  "q=Erdogan&sort=due",
];

export const searchGoal = { p95AtOneMaxMs: 50 };

/** The words the app searches for (lib/desk/search.ts), to count each query's matches in SQL for the report. */
function searchWords(query) {
  const q = new URLSearchParams(query).get("q") ?? "";
  return [...new Set([...q.normalize("NFC").matchAll(/[\p{L}\p{N}]+/gu)].map(([word]) => word.toLowerCase()))];
}

async function countMatches(databaseUrl, teamId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const counts = {};
    for (const query of searchQueries) {
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM claims WHERE team_id = $1 AND search_vector @@ margin_search_query($2::text[])",
        [teamId, searchWords(query)],
      );
      counts[query] = rows[0].n;
    }
    return counts;
  } finally {
    await client.end();
  }
}

/** Sequential requests, `rounds` of every query, timed one by one (the client's fetch, not autocannon). */
async function measureEachQuery(baseUrl, cookie, teamId, rounds) {
  const samples = Object.fromEntries(searchQueries.map((query) => [query, new Samples(rounds)]));
  const pageSizes = {};
  for (let round = 0; round < rounds; round += 1) {
    for (const query of searchQueries) {
      const started = performance.now();
      const response = await fetch(`${baseUrl}/api/teams/${teamId}/claims?${query}`, { headers: { cookie } });
      const body = await response.json();
      samples[query].push(performance.now() - started);
      if (response.status !== 200) throw new Error(`GET /api/teams/{id}/claims?${query} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
      pageSizes[query] = body.items.length;
    }
  }
  return Object.fromEntries(searchQueries.map((query) => [query, { latency: samples[query].summary(), pageSize: pageSizes[query] }]));
}

/**
 * Creates the desk team (as alice, owner), warms up, then measures. Returns the results `renderSearchReport` and
 * `evaluateSearchGoals` read.
 */
export async function runSearchBenchmark({ databaseUrl, baseUrl, cookie, sourceDocumentId, claimCount, connections, durationS, warmupS, rounds, meter, log }) {
  const desk = await createDeskTeam(databaseUrl, {
    sourceDocumentId,
    claimCount,
    ownerEmail: "alice@example.com",
    memberEmail: "bob@example.com",
  });
  log(`      desk team: ${formatNumber(desk.claims)} claims, ${formatNumber(desk.comments)} comments, ${formatNumber(desk.evidence)} evidence, ${formatNumber(desk.verdicts)} verdicts on ${desk.documentIds.length} documents (${desk.seconds} s)`);
  const matches = await countMatches(databaseUrl, desk.teamId);
  const request = {
    method: "GET",
    path: `/api/teams/${desk.teamId}/claims?${searchQueries[0]}`,
    headers: { cookie },
    requests: searchQueries.map((query) => ({ method: "GET", path: `/api/teams/${desk.teamId}/claims?${query}`, headers: { cookie } })),
  };
  const http = [];
  for (const connectionCount of connections) {
    if (warmupS > 0) await runHttpLoad(baseUrl, request, { connections: connectionCount, durationS: warmupS });
    const result = await runHttpLoad(baseUrl, request, { connections: connectionCount, durationS, meter });
    http.push(result);
    log(`      search ${String(connectionCount).padStart(3)} conns  ${formatNumber(result.rps).padStart(7)} req/s  p50 ${formatMs(result.latency.p50)} ms  p95 ${formatMs(result.latency.p95)} ms  p99 ${formatMs(result.latency.p99)} ms`);
  }
  const perQuery = await measureEachQuery(baseUrl, cookie, desk.teamId, rounds);
  return { claimCount: desk.claims, desk, matches, http, perQuery, rounds };
}

const cores = (value) => (value === null || value === undefined ? "–" : value.toFixed(2));

/** The search run's part of the report (markdown). */
export function renderSearchReport(search) {
  const lines = [];
  lines.push(
    `Search: ${formatNumber(search.desk.claims)} claims in one team (${formatNumber(search.desk.comments)} comments, ${formatNumber(search.desk.evidence)} evidence, ${formatNumber(search.desk.verdicts)} verdicts), ${searchQueries.length} queries sent in turn by each connection.`,
  );
  lines.push("");
  lines.push("| Scenario | Conns | req/s | p50 ms | p95 ms | p99 ms | 2xx | non-2xx | errors | CPU cores: server / pg / bench / other |");
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const run of search.http) {
    const cpu = run.cpu ? `${cores(run.cpu.server)} / ${cores(run.cpu.postgres)} / ${cores(run.cpu.bench)} / ${cores(run.cpu.other)}` : "–";
    lines.push(
      `| GET /api/teams/{id}/claims?q=… | ${run.connections} | ${formatNumber(run.rps)} | ${formatMs(run.latency.p50)} | ${formatMs(run.latency.p95)} | ${formatMs(run.latency.p99)} | ${formatNumber(run.ok2xx)} | ${run.non2xx} | ${run.errors + run.timeouts} | ${cpu} |`,
    );
  }
  lines.push("");
  lines.push(`| Query (${search.rounds} sequential requests each) | claims matching | on the first page | p50 ms | p95 ms | max ms |`);
  lines.push("|---|---:|---:|---:|---:|---:|");
  for (const query of searchQueries) {
    const { latency, pageSize } = search.perQuery[query];
    lines.push(`| \`${decodeURIComponent(query.replaceAll("+", " "))}\` | ${formatNumber(search.matches[query])} | ${pageSize} | ${formatMs(latency.p50)} | ${formatMs(latency.p95)} | ${formatMs(latency.max)} |`);
  }
  return lines.join("\n");
}

/** The search goal, and that every search answered 2xx. */
export function evaluateSearchGoals(search) {
  const atOne = search.http.find((run) => run.connections === 1);
  const failures = search.http.reduce((sum, run) => sum + run.errors + run.timeouts + run.non2xx, 0);
  return [
    {
      goal: `search over ${formatNumber(search.claimCount)} claims p95 ≤ ${searchGoal.p95AtOneMaxMs} ms at 1 connection`,
      measured: atOne ? `${formatMs(atOne.latency.p95)} ms` : "not measured",
      pass: atOne ? atOne.latency.p95 <= searchGoal.p95AtOneMaxMs : null,
    },
    { goal: "0 search errors (HTTP errors, timeouts and non-2xx)", measured: String(failures), pass: failures === 0 },
  ];
}

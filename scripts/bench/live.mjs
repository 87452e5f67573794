#!/usr/bin/env node
/**
 * `npm run bench:live`: how fast a change reaches everyone watching a document (docs/live.md), next to what
 * PostgreSQL's LISTEN/NOTIFY does on its own in the same run.
 *
 *   1 stack      throwaway PostgreSQL, migrate, seed, `next build` if sources changed, `next start` with an
 *                event-loop monitor preloaded (lib/event-loop-monitor.cjs); alice and bob sign in as writers
 *   2 watchers   as many members as the largest point needs are added to the seeded team (password copied from
 *                alice), and each signs in through the API
 *   3 points     for each watcher count (50, then 200): that many headless SSE clients open
 *                GET /api/documents/{id}/events and wait for `ready` and a presence list naming all of them;
 *                then writers create claims through POST /api/documents/{id}/claims at a fixed rate while a
 *                `pg` pair measures the raw NOTIFY round trip; then every watcher must have received every
 *                created claim exactly once, in order
 *   4 report     markdown tables, goals PASS/FAIL, raw JSON in .data/bench/live-<timestamp>.json
 *
 * Latency of one delivery = the time the watcher read it − the event's `at` (clock_timestamp() when the event row
 * was inserted, inside the create-claim statement, just before its commit), both on this machine's wall clock.
 *
 * Options (environment): BENCH_LIVE_WATCHERS ("50,200"), BENCH_LIVE_RATE claims/s (20), BENCH_LIVE_DURATION
 * seconds of writing per point (20), BENCH_LIVE_NOTIFY_RATE raw NOTIFYs/s (20), BENCH_LIVE_DRAIN seconds to
 * wait for stragglers after the last write (10), BENCH_PORT (a free port when unset).
 * Everything started here is stopped at the end, on errors and on Ctrl-C.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

import pg from "pg";

import { bold, dim, ensureDirectory, green, red, step } from "../lib/project.mjs";
import { createWallClock, parseIsoMicros } from "./lib/clock.mjs";
import { createCpuMeter, findPostmasterPid } from "./lib/cpu.mjs";
import { runAtFixedRate } from "./lib/load.mjs";
import { createNotifyProbe } from "./lib/notify-probe.mjs";
import { openEventStream } from "./lib/sse.mjs";
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
  withTimeout,
} from "./lib/stack.mjs";
import { formatMs, formatNumber, Samples } from "./lib/stats.mjs";

const require = createRequire(import.meta.url);
const monitorFile = fileURLToPath(new URL("./lib/event-loop-monitor.cjs", import.meta.url));
const { createEventLoopMonitor } = require(monitorFile);

const numberList = (value, fallback) =>
  (value ?? fallback)
    .split(",")
    .map((item) => Number(item.trim()))
    .filter((item) => Number.isInteger(item) && item > 0);

const config = {
  watchers: numberList(process.env.BENCH_LIVE_WATCHERS, "50,200"),
  ratePerSecond: Number(process.env.BENCH_LIVE_RATE ?? 20),
  durationS: Number(process.env.BENCH_LIVE_DURATION ?? 20),
  notifyRatePerSecond: Number(process.env.BENCH_LIVE_NOTIFY_RATE ?? 20),
  drainS: Number(process.env.BENCH_LIVE_DRAIN ?? 10),
  port: process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : null,
};
const maxWatchers = Math.max(...config.watchers);

const goals = { p95MaxMs: 100, atWatchers: 200 };
/** Streams opened at once; the rest queue (a crowd arriving together, without a thundering herd of sign-ins). */
const openConcurrency = 20;
const signInConcurrency = 8;
const settleTimeoutMs = 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const cleanup = createCleanup();
const watchers = [];
let isStopping = false;
const closeWatchers = () => {
  for (const watcher of watchers) watcher.stream?.close();
};
installSignalHandlers(cleanup, () => {
  isStopping = true;
  closeWatchers();
});

const startedAt = new Date();
const machine = {
  cpuModel: os.cpus()[0]?.model ?? "unknown",
  cpuCount: os.cpus().length,
  totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
  node: process.version,
  platform: `${os.type()} ${os.release()} ${os.arch()}`,
  loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
};

/** Runs `fn` over `items` with at most `limit` in flight; results in order. */
async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length && !isStopping) {
      const index = next++;
      results[index] = await fn(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function waitUntil(condition, timeoutMs, what) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (isStopping) throw new Error("Stopped");
    if (performance.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    await sleep(20);
  }
}

/**
 * Adds `count` members to the document's team, with alice's password hash (so their password is the demo one).
 * Returns { teamId, emails }. Straight SQL: the sign-up form would rate-limit and argon2-hash 200 times for nothing.
 */
async function createWatcherAccounts(databaseUrl, documentId, count) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const {
      rows: [{ teamId }],
    } = await client.query(`SELECT team_id AS "teamId" FROM documents WHERE id = $1::uuid`, [documentId]);
    const { rows } = await client.query(
      `WITH source AS (SELECT password_hash FROM users WHERE email = 'alice@example.com'),
            added AS (
              INSERT INTO users (email, name, password_hash, updated_at)
              SELECT format('bench-watcher-%s@example.com', lpad(i::text, 4, '0')), format('Bench watcher %s', lpad(i::text, 4, '0')),
                     source.password_hash, now()
              FROM generate_series(1, $1::int) AS i, source
              RETURNING id, email
            ),
            joined AS (INSERT INTO memberships (team_id, user_id) SELECT $2::uuid, id FROM added)
       SELECT email FROM added ORDER BY email`,
      [count, teamId],
    );
    return { teamId, emails: rows.map((row) => row.email) };
  } finally {
    await client.end();
  }
}

/** Reads the server's event-loop delay since the previous call (SIGUSR2 → the preloaded monitor writes a file). */
function createServerLoopReader(pid, file) {
  let lastReport = 0;
  return async () => {
    process.kill(pid, "SIGUSR2");
    let report = null;
    await waitUntil(
      () => {
        if (!existsSync(file)) return false;
        try {
          report = JSON.parse(readFileSync(file, "utf8"));
        } catch {
          return false; // Mid-rename on an exotic filesystem: read again.
        }
        return report.report > lastReport;
      },
      5_000,
      "The server's event-loop report",
    );
    lastReport = report.report;
    return report;
  };
}

/** One headless viewer: its session, its stream, and what it received during the current point. */
function createWatcher(index, cookie) {
  return { index, cookie, stream: null, done: null, end: null, ...freshCounters() };
}

function freshCounters() {
  return {
    isReady: false,
    isSettling: true,
    viewers: 0,
    presenceMessages: 0,
    lastSeq: 0,
    outOfOrder: 0,
    idMismatches: 0,
    received: new Map(),
    otherChanges: 0,
    resets: 0,
    revoked: 0,
    parseErrors: 0,
  };
}

/**
 * Handles one SSE message of a watcher. Only the first receipt of a claim counts towards latency; repeats are
 * counted as duplicates at the end.
 */
function onWatcherMessage(point, watcher, message, receivedAt) {
  switch (message.event) {
    case "ready":
      watcher.isReady = true;
      watcher.lastSeq = JSON.parse(message.data).seq;
      break;
    case "presence":
      // A presence list names every viewer (200 × ~70 bytes, re-sent every 10 s to every stream): parse it only
      // while waiting for the crowd to settle, so the watchers' own CPU stays off the measurement.
      watcher.presenceMessages += 1;
      if (watcher.index === 0 && !watcher.isSettling) point.presenceTimes.push(receivedAt);
      if (watcher.isSettling) watcher.viewers = JSON.parse(message.data).viewers.length;
      break;
    case "change": {
      const event = JSON.parse(message.data);
      if (Number(message.id) !== event.seq) watcher.idMismatches += 1;
      if (event.seq <= watcher.lastSeq) watcher.outOfOrder += 1;
      watcher.lastSeq = Math.max(watcher.lastSeq, event.seq);
      if (event.type !== "claim.created" || event.documentId !== point.documentId) {
        watcher.otherChanges += 1;
        break;
      }
      const count = watcher.received.get(event.claimId) ?? 0;
      watcher.received.set(event.claimId, count + 1);
      if (count === 0) {
        const at = parseIsoMicros(event.at);
        point.latencies.push(receivedAt - at);
        const receipt = point.receipts.get(event.claimId);
        if (!receipt) point.receipts.set(event.claimId, { at, first: receivedAt, last: receivedAt });
        else {
          receipt.first = Math.min(receipt.first, receivedAt);
          receipt.last = Math.max(receipt.last, receivedAt);
        }
      }
      break;
    }
    case "reset":
      watcher.resets += 1;
      break;
    case "revoked":
      watcher.revoked += 1;
      break;
    default:
      break; // heartbeat
  }
}

/** Opens `count` watchers' streams and waits until every one is live and sees all `count` viewers. */
async function openWatchers(server, point, count, clock) {
  const active = watchers.slice(0, count);
  for (const watcher of active) Object.assign(watcher, freshCounters(), { end: null });
  const started = performance.now();
  await mapLimit(active, openConcurrency, async (watcher) => {
    const stream = await openEventStream(`${server.baseUrl}/api/documents/${point.documentId}/events`, {
      headers: { cookie: watcher.cookie },
      clock,
      onMessage: (message, receivedAt) => onWatcherMessage(point, watcher, message, receivedAt),
      onParseError: () => (watcher.parseErrors += 1),
    });
    watcher.stream = stream;
    watcher.done = stream.done.then((end) => {
      watcher.end = end;
      return end;
    });
  });
  const openedMs = performance.now() - started;
  await waitUntil(() => active.every((watcher) => watcher.isReady), settleTimeoutMs, `All ${count} streams ready`);
  const readyMs = performance.now() - started;
  await waitUntil(() => active.every((watcher) => watcher.viewers === count), settleTimeoutMs, `Presence naming all ${count} viewers on every stream`);
  const settledMs = performance.now() - started;
  for (const watcher of active) watcher.isSettling = false;
  const round = (value) => Math.round(value);
  return { active, openedMs: round(openedMs), readyMs: round(readyMs), settledMs: round(settledMs) };
}

async function closeActiveWatchers(active) {
  for (const watcher of active) watcher.stream?.close();
  await Promise.all(active.map((watcher) => watcher.done));
  for (const watcher of active) watcher.stream = null;
}

/** Creates claims at the configured rate, alternating between the writers; records every created id. */
async function writeClaims(server, point, writers, clock) {
  const count = Math.round(config.ratePerSecond * config.durationS);
  const http = new Samples(Math.max(16, count));
  const statusCounts = {};
  let errors = 0;
  let firstError = null;
  const schedule = await runAtFixedRate({
    ratePerSecond: config.ratePerSecond,
    count,
    shouldStop: () => isStopping,
    fire: async (index) => {
      const cookie = writers[index % writers.length];
      const sentAt = clock.now();
      const started = performance.now();
      try {
        const response = await fetch(`${server.baseUrl}/api/documents/${point.documentId}/claims`, {
          method: "POST",
          headers: { cookie, "content-type": "application/json" },
          body: createClaimBody,
        });
        const text = await response.text();
        http.push(performance.now() - started);
        statusCounts[response.status] = (statusCounts[response.status] ?? 0) + 1;
        if (response.status !== 201) {
          firstError ??= `HTTP ${response.status}: ${text.slice(0, 200)}`;
          return;
        }
        const { id } = JSON.parse(text);
        point.expected.add(id);
        point.writes.set(id, { sentAt, respondedAt: clock.now() });
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    },
  });
  return { ...schedule, http: http.summary(), statusCounts, errors, firstError };
}

/** Missed, duplicated and unexpected deliveries over every (watcher, created claim) pair. */
function countDeliveries(point, active) {
  let missed = 0;
  let duplicates = 0;
  let unexpected = 0;
  let watchersMissing = 0;
  for (const watcher of active) {
    let missing = 0;
    for (const id of point.expected) if (!watcher.received.has(id)) missing += 1;
    for (const [id, count] of watcher.received) {
      duplicates += count - 1;
      if (!point.expected.has(id)) unexpected += 1;
    }
    missed += missing;
    if (missing) watchersMissing += 1;
  }
  const sum = (key) => active.reduce((total, watcher) => total + watcher[key], 0);
  return {
    expected: point.expected.size * active.length,
    missed,
    watchersMissing,
    duplicates,
    unexpected,
    outOfOrder: sum("outOfOrder"),
    idMismatches: sum("idMismatches"),
    otherChanges: sum("otherChanges"),
    resets: sum("resets"),
    revoked: sum("revoked"),
    parseErrors: sum("parseErrors"),
    streamsEnded: active.filter((watcher) => watcher.end).length,
    streamEnds: active.filter((watcher) => watcher.end).map((watcher) => ({ watcher: watcher.index, reason: watcher.end.reason, error: String(watcher.end.error ?? "") })),
  };
}

/**
 * Checks the two clocks agree: each claim's `at` (database clock) must fall between the moment its request left
 * and the moment its response arrived (this process's clock). Returns how many did not, and `at` − send time.
 */
function checkClocks(point) {
  const afterSend = new Samples(1024);
  let outside = 0;
  for (const [id, { at }] of point.receipts) {
    const write = point.writes.get(id);
    if (!write) continue;
    afterSend.push(at - write.sentAt);
    if (at < write.sentAt - 0.5 || at > write.respondedAt + 0.5) outside += 1;
  }
  return { checked: afterSend.length, outside, atMinusSend: afterSend.summary() };
}

/**
 * Where the time goes for one claim: its first receipt (the pipeline: commit, NOTIFY, the hub's read, the first
 * write) and its last (plus the fan-out to every stream and the watchers reading them in turn). The slowest
 * claims are listed with the distance to the nearest presence broadcast (every stream gets the full viewer list).
 */
function breakDownReceipts(point, startedAt) {
  const first = new Samples(1024);
  const last = new Samples(1024);
  const spread = new Samples(1024);
  const claims = [...point.receipts.values()];
  for (const receipt of claims) {
    first.push(receipt.first - receipt.at);
    last.push(receipt.last - receipt.at);
    spread.push(receipt.last - receipt.first);
  }
  const round = (value) => Math.round(value * 10) / 10;
  const slowest = claims
    .sort((a, b) => b.last - b.at - (a.last - a.at))
    .slice(0, 5)
    .map((receipt) => ({
      atS: round((receipt.at - startedAt) / 1000),
      firstMs: round(receipt.first - receipt.at),
      lastMs: round(receipt.last - receipt.at),
      nearestPresenceMs: point.presenceTimes.length ? round(Math.min(...point.presenceTimes.map((time) => Math.abs(time - receipt.at)))) : null,
    }));
  return { firstWatcher: first.summary(), lastWatcher: last.summary(), spread: spread.summary(), presenceBroadcasts: point.presenceTimes.length, slowest };
}

async function measurePoint({ server, documentId, writers, probe, meter, clock, readServerLoop, benchLoop, count, serverLog }) {
  const point = { documentId, latencies: new Samples(1 << 17), expected: new Set(), writes: new Map(), receipts: new Map(), presenceTimes: [] };
  const opened = await openWatchers(server, point, count, clock);
  await sleep(1_000); // Let the last presence broadcasts pass.
  const clockDriftMs = clock.reanchor();
  await readServerLoop(); // Starts the server's window.
  benchLoop.takeSummary();
  const serverLogBefore = { ...serverLog };
  const cpuBefore = meter.snapshot();
  const measureStartedAt = clock.now();
  probe.start(config.notifyRatePerSecond);
  const writes = await writeClaims(server, point, writers, clock);
  const expectedPerWatcher = point.expected.size;
  const drainStarted = performance.now();
  let drained = true;
  try {
    await waitUntil(
      () => opened.active.every((watcher) => watcher.end || [...point.expected].every((id) => watcher.received.has(id))),
      config.drainS * 1000,
      "Delivery of every claim to every watcher",
    );
  } catch (error) {
    if (isStopping) throw error;
    drained = false;
  }
  const drainMs = Math.round(performance.now() - drainStarted);
  const notify = await probe.stop();
  const cpu = meter.cores(cpuBefore, meter.snapshot());
  const serverLoop = await readServerLoop();
  const watcherLoop = benchLoop.takeSummary();
  const deliveries = countDeliveries(point, opened.active);
  const clocks = checkClocks(point);
  const result = {
    watchers: count,
    connect: { openedMs: opened.openedMs, readyMs: opened.readyMs, presenceSettledMs: opened.settledMs },
    claimsCreated: expectedPerWatcher,
    writes,
    drained,
    drainMs,
    latency: point.latencies.summary(),
    breakdown: breakDownReceipts(point, measureStartedAt),
    deliveries,
    notify,
    serverEventLoop: serverLoop,
    watcherEventLoop: watcherLoop,
    cpu,
    clocks,
    clockDriftMs: Math.round(clockDriftMs * 1000) / 1000,
    serverLog: { lines: serverLog.lines - serverLogBefore.lines, liveFailures: serverLog.liveFailures - serverLogBefore.liveFailures },
  };
  await closeActiveWatchers(opened.active);
  return result;
}

const cores = (value) => (value === null || value === undefined ? "–" : value.toFixed(2));
const slash = (...values) => values.map((value) => formatMs(value)).join(" / ");

function renderReport(results) {
  const lines = [];
  const rate = `${results.config.ratePerSecond}/s × ${results.config.durationS} s`;
  lines.push(`### Margin live benchmark — ${results.startedAt}`);
  lines.push("");
  lines.push(
    `Machine: ${results.machine.cpuModel} × ${results.machine.cpuCount} CPUs, ${results.machine.totalMemoryGiB} GiB RAM, Node ${results.machine.node}, ` +
      `PostgreSQL ${results.postgresVersion}, ${results.machine.platform}; load average at start ${results.machine.loadAverageAtStart.join(" / ")}. ` +
      `Writers create claims at ${rate} per point (alternating alice and bob); raw NOTIFY at ${results.config.notifyRatePerSecond}/s alongside; watchers, writers and probe share one process.`,
  );
  lines.push("");
  lines.push("| Watchers | Claims | Deliveries | p50 ms | p95 ms | p99 ms | max ms | missed | duplicated | out of order | raw NOTIFY p50 / p95 / p99 ms |");
  lines.push("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const point of results.points) {
    const { latency, deliveries, notify } = point;
    lines.push(
      `| ${point.watchers} | ${formatNumber(point.claimsCreated)} | ${formatNumber(latency.count)} | ${formatMs(latency.p50)} | ${formatMs(latency.p95)} | ${formatMs(latency.p99)} | ${formatMs(latency.max)} | ` +
        `${deliveries.missed} | ${deliveries.duplicates} | ${deliveries.outOfOrder} | ${slash(notify.latency.p50, notify.latency.p95, notify.latency.p99)} |`,
    );
  }
  const clocks = results.points.map((point) => `${point.clocks.checked - point.clocks.outside} of ${point.clocks.checked}`).join(", ");
  lines.push("");
  lines.push(`Clock check: a claim's \`at\` fell between its request leaving and its response arriving for ${clocks} claims.`);
  lines.push("");
  lines.push("| Watchers | server event-loop delay p50 / p99 / max ms | watchers' event-loop p99 / max ms | CPU cores: server / pg / watchers+writers / other | create-claim HTTP p50 / p99 ms | HTTP errors | streams ready / presence settled s |");
  lines.push("|---:|---|---|---|---|---:|---|");
  for (const point of results.points) {
    const { serverEventLoop: server, watcherEventLoop: bench, cpu, writes } = point;
    const httpErrors = writes.errors + Object.entries(writes.statusCounts).filter(([status]) => status !== "201").reduce((sum, [, n]) => sum + n, 0);
    lines.push(
      `| ${point.watchers} | ${slash(server.p50, server.p99, server.max)} | ${slash(bench.p99, bench.max)} | ${cores(cpu.server)} / ${cores(cpu.postgres)} / ${cores(cpu.bench)} / ${cores(cpu.other)} | ` +
        `${slash(writes.http.p50, writes.http.p99)} | ${httpErrors} | ${(point.connect.readyMs / 1000).toFixed(1)} / ${(point.connect.presenceSettledMs / 1000).toFixed(1)} |`,
    );
  }
  lines.push("");
  lines.push("| Watchers | per claim: first watcher p50 / p95 ms | last watcher p50 / p95 ms | last − first p50 / p95 ms | slowest claims: last watcher ms (nearest presence broadcast ms) |");
  lines.push("|---:|---|---|---|---|");
  for (const point of results.points) {
    const { firstWatcher, lastWatcher, spread, slowest } = point.breakdown;
    const slow = slowest.map((claim) => `${formatMs(claim.lastMs)} (${claim.nearestPresenceMs === null ? "–" : formatMs(claim.nearestPresenceMs)})`).join(", ");
    lines.push(
      `| ${point.watchers} | ${slash(firstWatcher.p50, firstWatcher.p95)} | ${slash(lastWatcher.p50, lastWatcher.p95)} | ${slash(spread.p50, spread.p95)} | ${slow} |`,
    );
  }
  lines.push("");
  lines.push("| Goal | Measured | Result |");
  lines.push("|---|---|---|");
  for (const goal of results.goals) lines.push(`| ${goal.goal} | ${goal.measured} | ${goal.pass === null ? "n/a" : goal.pass ? "PASS" : "FAIL"} |`);
  return lines.join("\n");
}

function evaluateGoals(points) {
  const list = [];
  const atGoal = points.find((point) => point.watchers === goals.atWatchers);
  list.push({
    goal: `commit → receipt p95 ≤ ${goals.p95MaxMs} ms at ${goals.atWatchers} watchers`,
    measured: atGoal ? `${formatMs(atGoal.latency.p95)} ms` : "not measured",
    pass: atGoal ? atGoal.latency.count > 0 && atGoal.latency.p95 <= goals.p95MaxMs : null,
  });
  const total = (pick) => points.reduce((sum, point) => sum + pick(point), 0);
  const missed = total((point) => point.deliveries.missed);
  const duplicates = total((point) => point.deliveries.duplicates);
  list.push({ goal: "0 missed (every watcher receives every created claim)", measured: String(missed), pass: missed === 0 });
  list.push({ goal: "0 duplicated", measured: String(duplicates), pass: duplicates === 0 });
  const anomalies = total(
    (point) =>
      point.deliveries.outOfOrder +
      point.deliveries.unexpected +
      point.deliveries.idMismatches +
      point.deliveries.resets +
      point.deliveries.revoked +
      point.deliveries.streamsEnded +
      point.writes.errors +
      Object.entries(point.writes.statusCounts).filter(([status]) => status !== "201").reduce((sum, [, n]) => sum + n, 0),
  );
  list.push({ goal: "in order, no stream ended / reset / revoked, no HTTP errors", measured: String(anomalies), pass: anomalies === 0 });
  return list;
}

const total = 4;
let serverForErrors = null;
try {
  console.log(bold("Margin live benchmark"));
  console.log(dim(`  ${JSON.stringify(config)}`));
  if (machine.loadAverageAtStart[0] > 0.5 * machine.cpuCount) {
    console.log(red(`  The 1-minute load average is ${machine.loadAverageAtStart[0]} on ${machine.cpuCount} CPUs: other work shares this machine, expect noisier figures.`));
  }
  let done = step(1, total, "Starting PostgreSQL, migrating, seeding, building and starting the app");
  const database = await startDatabase(cleanup);
  const loopFile = path.join(os.tmpdir(), `margin-bench-live-${process.pid}-event-loop.json`);
  cleanup.add("event-loop report file", () => rmSync(loopFile, { force: true }));
  const env = {
    ...appEnvironment(database.databaseUrl),
    // Every watcher signs in from 127.0.0.1; the per-account limit keeps its default (each signs in once).
    MARGIN_RATE_LIMIT_SIGN_IN_IP: "100000/900",
    MARGIN_BENCH_EVENT_LOOP_FILE: loopFile,
  };
  const built = await prepareApp(env);
  const { findFreePort } = await import("../lib/database.mjs");
  // `--require` on the server's own command line rather than NODE_OPTIONS: same effect, and nothing the server
  // might spawn inherits it.
  const server = await startServer(cleanup, env, { port: config.port ?? (await findFreePort()), nodeArgs: ["--require", monitorFile] });
  serverForErrors = server;
  const serverLog = { lines: 0, liveFailures: 0, lastLiveFailure: null };
  for (const output of [server.child.stdout, server.child.stderr]) {
    let pending = "";
    output.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        serverLog.lines += 1;
        if (line.includes("[live]")) {
          serverLog.liveFailures += 1;
          serverLog.lastLiveFailure = line;
        }
      }
    });
  }
  const writers = [await signIn(server.baseUrl, "alice@example.com", "margin-demo"), await signIn(server.baseUrl, "bob@example.com", "margin-demo")];
  const { items: documents } = await api(server.baseUrl, writers[0], "GET", "/api/documents");
  const documentId = documents[0]?.id;
  if (!documentId) throw new Error("The seeded document is missing");
  const admin = new pg.Client({ connectionString: database.adminUrl });
  await admin.connect();
  const {
    rows: [{ server_version: postgresVersion }],
  } = await admin.query("SHOW server_version");
  const postmasterPid = database.embedded ? await findPostmasterPid(admin) : null;
  await admin.end();
  const meter = createCpuMeter({ serverPid: server.child.pid, postmasterPid });
  done(`(${built ? "built" : "build up to date"}; ${server.baseUrl}; PostgreSQL ${postgresVersion})`);

  done = step(2, total, `Adding ${maxWatchers} members to the team and signing each in`);
  const { emails } = await createWatcherAccounts(database.databaseUrl, documentId, maxWatchers);
  const cookies = await mapLimit(emails, signInConcurrency, (email) => signIn(server.baseUrl, email, "margin-demo"));
  cookies.forEach((cookie, index) => watchers.push(createWatcher(index, cookie)));
  done(`(${watchers.length} sessions)`);

  done = step(
    3,
    total,
    `Measuring ${config.watchers.join(", then ")} watchers: ${config.ratePerSecond} claims/s for ${config.durationS} s each, raw NOTIFY at ${config.notifyRatePerSecond}/s`,
  );
  const clock = createWallClock();
  const probe = await createNotifyProbe(database.databaseUrl);
  cleanup.add("NOTIFY probe", () => probe.close());
  const readServerLoop = createServerLoopReader(server.child.pid, loopFile);
  const benchLoop = createEventLoopMonitor();
  const points = [];
  for (const count of config.watchers) {
    const point = await measurePoint({ server, documentId, writers, probe, meter, clock, readServerLoop, benchLoop, count, serverLog });
    points.push(point);
    const { latency, deliveries, notify, serverEventLoop, cpu } = point;
    const problems = deliveries.missed + deliveries.duplicates + deliveries.outOfOrder + deliveries.streamsEnded + point.writes.errors;
    console.log(
      `      ${String(count).padStart(4)} watchers  ${formatNumber(latency.count).padStart(7)} deliveries  p50 ${formatMs(latency.p50)}  p95 ${formatMs(latency.p95)}  p99 ${formatMs(latency.p99)}  max ${formatMs(latency.max)} ms` +
        `  missed ${deliveries.missed}  dup ${deliveries.duplicates}  | NOTIFY p95 ${formatMs(notify.latency.p95)} ms  | server loop p99 ${formatMs(serverEventLoop.p99)} ms  ` +
        dim(`CPU server ${cores(cpu.server)}, pg ${cores(cpu.postgres)}, bench ${cores(cpu.bench)}, other ${cores(cpu.other)}`) +
        (problems ? red(`  ${JSON.stringify({ ...deliveries, streamEnds: deliveries.streamEnds.slice(0, 3) })} ${point.writes.firstError ?? ""}`) : "") +
        (point.clocks.outside ? red(`  clock check: ${point.clocks.outside} of ${point.clocks.checked} \`at\` outside their request`) : ""),
    );
    if (point.serverLog.liveFailures) console.log(red(`      server logged ${point.serverLog.liveFailures} [live] failures, last: ${serverLog.lastLiveFailure}`));
    await sleep(1_000);
  }
  benchLoop.stop();
  done();

  done = step(4, total, "Report");
  const results = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    config,
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    postgresVersion,
    databaseEmbedded: database.embedded,
    build: built ? "rebuilt" : "up to date",
    points,
    serverLogLines: server.tail.total,
  };
  results.goals = evaluateGoals(points);
  const report = renderReport(results);
  const directory = ensureDirectory(path.join(".data", "bench"));
  const file = path.join(directory, `live-${startedAt.toISOString().replaceAll(":", "-").replace(/\.\d+Z$/u, "Z")}.json`);
  writeFileSync(file, `${JSON.stringify({ ...results, report }, null, 2)}\n`);
  done(`(raw results: ${path.relative(process.cwd(), file)})`);
  console.log(`\n${report}\n`);
  const failed = results.goals.filter((goal) => goal.pass === false).length;
  console.log(failed ? red(`${failed} goal(s) not met.`) : green("All goals met."));
  isStopping = true;
  closeWatchers();
  await withTimeout(cleanup.run(), 60_000, "Cleanup did not finish within 60 s");
  process.exit(0);
} catch (error) {
  console.error(red(`\nbench:live failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
  if (serverForErrors?.tail.total) console.error(dim(`Last lines of next start:\n${serverForErrors.tail}`));
  isStopping = true;
  closeWatchers();
  await cleanup.run();
  process.exit(1);
}

/**
 * Load generators: autocannon against the HTTP API, and plain `pg` insert loops against PostgreSQL.
 * Latencies are recorded per response with sub-millisecond resolution.
 */
import { performance } from "node:perf_hooks";

import autocannon from "autocannon";
import pg from "pg";

import { Samples } from "./stats.mjs";

/** The autocannon instance currently running, so Ctrl-C can stop it. */
let current = null;

export function stopCurrentLoad() {
  current?.stop?.();
}

/**
 * One autocannon run. `request` is { method, path, headers, body }, optionally with `requests`: several
 * ({ method, path, headers }) that each connection sends in turn, over and over.
 * Returns { rps, latency {p50,p90,p99,max,mean}, responses, ok2xx, non2xx, errors, timeouts, durationS, autocannon }.
 */
export async function runHttpLoad(baseUrl, request, { connections, durationS, meter = null }) {
  const samples = new Samples();
  const statusCounts = {};
  const instance = autocannon({
    url: `${baseUrl}${request.path}`,
    method: request.method ?? "GET",
    headers: request.headers ?? {},
    body: request.body,
    ...(request.requests ? { requests: request.requests } : {}),
    connections,
    duration: durationS,
    pipelining: 1,
    timeout: 10,
  });
  current = instance;
  const cpuBefore = meter?.snapshot();
  const started = performance.now();
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    samples.push(responseTime);
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const elapsedS = (performance.now() - started) / 1000;
  const cpu = meter ? meter.cores(cpuBefore, meter.snapshot()) : null;
  current = null;
  const latency = samples.summary();
  return {
    connections,
    durationS: Math.round(elapsedS * 100) / 100,
    responses: latency.count,
    rps: Math.round((latency.count / elapsedS) * 10) / 10,
    latency,
    ok2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
    cpu,
    autocannon: {
      requestsAverage: result.requests.average,
      latencyP50: result.latency.p50,
      latencyP99: result.latency.p99,
      errors: result.errors,
      timeouts: result.timeouts,
      mismatches: result.mismatches,
      resets: result.resets,
    },
  };
}

/**
 * `loops` concurrent loops issuing `query(client)` through a pg.Pool of `poolSize` for `durationS` seconds.
 * Returns { rps, latency, operations, errors }.
 */
export async function runPgLoad(connectionString, { poolSize, loops = poolSize, durationS, warmupS = 1, query, meter = null }) {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  pool.on("error", () => {});
  try {
    // Open every connection before measuring.
    const clients = await Promise.all(Array.from({ length: poolSize }, () => pool.connect()));
    clients.forEach((client) => client.release());
    const drive = async (seconds, samples) => {
      const deadline = performance.now() + seconds * 1000;
      let errors = 0;
      let firstError = null;
      const loop = async () => {
        while (performance.now() < deadline) {
          const started = performance.now();
          try {
            await query(pool);
            samples?.push(performance.now() - started);
          } catch (error) {
            errors += 1;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: loops }, loop));
      return { errors, firstError, elapsedS: (performance.now() - started) / 1000 };
    };
    if (warmupS > 0) await drive(warmupS, null);
    const samples = new Samples();
    const cpuBefore = meter?.snapshot();
    const { errors, firstError, elapsedS } = await drive(durationS, samples);
    const cpu = meter ? meter.cores(cpuBefore, meter.snapshot()) : null;
    const latency = samples.summary();
    return {
      poolSize,
      loops,
      durationS: Math.round(elapsedS * 100) / 100,
      operations: latency.count,
      rps: Math.round((latency.count / elapsedS) * 10) / 10,
      latency,
      errors,
      firstError,
      cpu,
    };
  } finally {
    await pool.end();
  }
}

/**
 * Open-loop load at a fixed rate: calls `fire(index)` `count` times, the i-th at start + i / ratePerSecond,
 * without waiting for earlier calls to finish (so a slow server does not lower the offered rate). Resolves once
 * every call has settled. `shouldStop()` ends the schedule early (Ctrl-C).
 * Returns { fired, elapsedS, lateness } — lateness: how far behind schedule calls were started (ms).
 */
export async function runAtFixedRate({ ratePerSecond, count, fire, shouldStop = () => false }) {
  const interval = 1000 / ratePerSecond;
  const started = performance.now();
  const pending = [];
  const lateness = new Samples(Math.max(16, count));
  for (let index = 0; index < count && !shouldStop(); index += 1) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lateness.push(Math.max(0, performance.now() - due));
    pending.push(Promise.resolve().then(() => fire(index)));
  }
  const firedAt = performance.now();
  await Promise.allSettled(pending);
  return { fired: pending.length, elapsedS: Math.round(((firedAt - started) / 1000) * 100) / 100, lateness: lateness.summary() };
}

/**
 * Event-loop delay of a Node process, from `perf_hooks.monitorEventLoopDelay`.
 *
 * Two uses:
 * - preloaded into the server under test (`node --require scripts/bench/lib/event-loop-monitor.cjs …`) with
 *   MARGIN_BENCH_EVENT_LOOP_FILE set: on SIGUSR2 it writes the delays since the previous SIGUSR2 to that file
 *   (as JSON, atomically, with a running `report` number) and starts over, so a benchmark brackets each
 *   measurement with two signals. Without the variable, requiring it does nothing.
 * - `createEventLoopMonitor()` for the benchmark's own process.
 *
 * CommonJS so that `--require` (also through NODE_OPTIONS) loads it synchronously, before any of Next's code.
 * The histogram records each interval of a `resolutionMs` timer (on Node 20, interval = resolution +
 * delay), so the resolution is subtracted: 0 means the loop ran the timer on time.
 */
"use strict";
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it is preloaded with --require */

const { renameSync, writeFileSync } = require("node:fs");
const { monitorEventLoopDelay } = require("node:perf_hooks");

const defaultResolutionMs = 10;

/** { count, mean, p50, p90, p99, max } in ms beyond the timer's resolution, rounded to 0.01 ms. */
function summarise(histogram, resolutionMs) {
  const delay = (nanoseconds) => {
    if (!Number.isFinite(nanoseconds) || histogram.count === 0) return 0;
    return Math.round(Math.max(0, nanoseconds / 1e6 - resolutionMs) * 100) / 100;
  };
  return {
    count: histogram.count,
    mean: delay(histogram.mean),
    p50: delay(histogram.percentile(50)),
    p90: delay(histogram.percentile(90)),
    p99: delay(histogram.percentile(99)),
    max: delay(histogram.max),
    resolutionMs,
  };
}

/** Starts measuring this process; `takeSummary()` returns the delays since the last call (or start) and resets. */
function createEventLoopMonitor({ resolutionMs = defaultResolutionMs } = {}) {
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  return {
    takeSummary() {
      const summary = summarise(histogram, resolutionMs);
      histogram.reset();
      return summary;
    },
    stop() {
      histogram.disable();
    },
  };
}

const reportFile = process.env.MARGIN_BENCH_EVENT_LOOP_FILE;
if (reportFile) {
  const monitor = createEventLoopMonitor();
  let report = 0;
  // SIGUSR1 is Node's inspector signal; SIGUSR2 is free in Node and in Next.js.
  process.on("SIGUSR2", () => {
    report += 1;
    const temporary = `${reportFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, JSON.stringify({ report, pid: process.pid, at: new Date().toISOString(), ...monitor.takeSummary() }));
      renameSync(temporary, reportFile);
    } catch (error) {
      console.error("[bench] writing the event-loop delay report failed", error);
    }
  });
}

module.exports = { createEventLoopMonitor, summarise };

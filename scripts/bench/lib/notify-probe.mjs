/**
 * The raw LISTEN/NOTIFY round trip, measured next to whatever else a benchmark does: one `pg` connection LISTENs
 * on a channel of its own, a small pool sends `SELECT pg_notify(channel, '<index>:<performance.now()>')` at a fixed
 * rate (each an autocommitted transaction; a pool so that a slow one never holds up the next); the round trip is receipt time − send time, on this process's
 * monotonic clock. It is the floor under any change feed built on NOTIFY: PostgreSQL's commit and delivery plus
 * this process's event loop, without the app.
 */
import { performance } from "node:perf_hooks";

import pg from "pg";

import { Samples } from "./stats.mjs";

const channel = "margin_bench_round_trip";

/** Connects the listener and the senders, and LISTENs. Returns { start(ratePerSecond), stop() → result, close() }. */
export async function createNotifyProbe(connectionString) {
  const listener = new pg.Client({ connectionString });
  const sender = new pg.Pool({ connectionString, max: 4 });
  listener.on("error", () => {});
  sender.on("error", () => {});
  await listener.connect();
  // Open the pool's connections now, not during the first measurement.
  const clients = await Promise.all(Array.from({ length: 4 }, () => sender.connect()));
  clients.forEach((client) => client.release());
  await listener.query(`LISTEN ${channel}`);

  let run = null;
  listener.on("notification", (message) => {
    if (message.channel !== channel || !run) return;
    const receivedAt = performance.now();
    const [runId, index, sentAt] = (message.payload ?? "").split(":");
    if (Number(runId) !== run.id) return;
    if (run.seen.has(index)) run.duplicates += 1;
    else {
      run.seen.add(index);
      run.samples.push(receivedAt - Number(sentAt));
    }
  });

  let runs = 0;
  return {
    /** Starts sending `ratePerSecond` notifications a second until `stop()`. */
    start(ratePerSecond) {
      runs += 1;
      const current = { id: runs, sent: 0, errors: 0, firstError: null, duplicates: 0, seen: new Set(), samples: new Samples(1024), timer: null, pending: [] };
      const interval = 1000 / ratePerSecond;
      const started = performance.now();
      const tick = () => {
        const sentAt = performance.now();
        current.sent += 1;
        current.pending.push(
          sender.query("SELECT pg_notify($1, $2)", [channel, `${current.id}:${current.sent}:${sentAt}`]).catch((error) => {
            current.errors += 1;
            current.firstError ??= error instanceof Error ? error.message : String(error);
          }),
        );
        current.timer = setTimeout(tick, Math.max(0, started + current.sent * interval - performance.now()));
      };
      run = current;
      tick();
    },
    /** Stops sending, waits up to `drainMs` for the last notifications, returns the round-trip figures. */
    async stop(drainMs = 2_000) {
      const current = run;
      if (!current) return null;
      clearTimeout(current.timer);
      await Promise.allSettled(current.pending);
      const deadline = performance.now() + drainMs;
      while (current.seen.size < current.sent - current.errors && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      run = null;
      return {
        sent: current.sent,
        received: current.seen.size,
        missed: current.sent - current.errors - current.seen.size,
        duplicates: current.duplicates,
        errors: current.errors,
        firstError: current.firstError,
        latency: current.samples.summary(),
      };
    },
    async close() {
      run = null;
      await Promise.allSettled([listener.end(), sender.end()]);
    },
  };
}

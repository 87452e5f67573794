/**
 * Wall-clock time with sub-millisecond resolution, comparable with PostgreSQL's `clock_timestamp()` on the same
 * machine (both read CLOCK_REALTIME). `Date.now()` has whole milliseconds only; `performance.now()` is finer but
 * monotonic, so it is anchored to the wall clock at the instant `Date.now()` ticks over, and re-anchored before
 * each measurement so that clock slewing (NTP) cannot accumulate.
 */
import { performance } from "node:perf_hooks";

/** Offset such that `offset + performance.now()` is the wall clock in ms, accurate to a few microseconds. */
function measureOffset() {
  const start = Date.now();
  let now = Date.now();
  while (now === start) now = Date.now(); // At most 1 ms of spinning.
  return now - performance.now();
}

export function createWallClock() {
  let offset = measureOffset();
  return {
    /** Milliseconds since the epoch, with a fractional part. */
    now: () => offset + performance.now(),
    /** Re-anchors to the wall clock; returns by how many ms the previous anchor had drifted. */
    reanchor() {
      const previous = offset;
      offset = measureOffset();
      return offset - previous;
    },
  };
}

/** Parses ISO 8601 with up to microseconds ("2026-11-26T02:27:58.123456Z") to ms since the epoch, keeping the µs. */
export function parseIsoMicros(text) {
  const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/u.exec(text);
  if (!match) return Number.NaN;
  return Date.parse(`${match[1]}Z`) + (match[2] ? Number(match[2]) * 1000 : 0);
}

/**
 * Small numeric helpers for the benchmark scripts: latency samples with sub-millisecond resolution
 * (autocannon's own histogram rounds to whole milliseconds) and percentiles.
 */

/** A growable buffer of latency samples in milliseconds. */
export class Samples {
  constructor(initialCapacity = 1 << 16) {
    this.values = new Float64Array(initialCapacity);
    this.length = 0;
  }

  push(value) {
    if (this.length === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** { count, p50, p90, p95, p99, max, mean } in ms, rounded to 0.01 ms. */
  summary() {
    const sorted = this.values.slice(0, this.length).sort();
    const at = (fraction) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] : 0);
    let sum = 0;
    for (const value of sorted) sum += value;
    const round = (value) => Math.round(value * 100) / 100;
    return {
      count: sorted.length,
      mean: round(sorted.length ? sum / sorted.length : 0),
      p50: round(at(0.5)),
      p90: round(at(0.9)),
      p95: round(at(0.95)),
      p99: round(at(0.99)),
      max: round(sorted.length ? sorted[sorted.length - 1] : 0),
    };
  }
}

/** Formats a number for the markdown table. */
export function formatNumber(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatMs(value) {
  if (value === null || value === undefined) return "–";
  return value < 10 ? value.toFixed(2) : value.toFixed(1);
}

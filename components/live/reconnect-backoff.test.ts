import { describe, expect, it } from "vitest";

import { getReconnectDelay, reconnectBackoff } from "@/components/live/reconnect-backoff";

describe("getReconnectDelay", () => {
  it.each([
    [0, 500],
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [5, 15_000],
    [6, 15_000],
    [50, 15_000],
    [10_000, 15_000],
  ])("attempt %i waits at most %i ms", (attempt, ceiling) => {
    expect(getReconnectDelay(attempt, () => 0.999_999_9)).toBe(ceiling - 1);
    expect(getReconnectDelay(attempt, () => 0)).toBe(0);
    expect(getReconnectDelay(attempt, () => 0.5)).toBe(ceiling / 2);
  });

  it("never exceeds the maximum, whatever the random source gives", () => {
    expect(getReconnectDelay(3, () => 7)).toBe(4_000);
    expect(getReconnectDelay(3, () => -1)).toBe(0);
    expect(getReconnectDelay(Number.POSITIVE_INFINITY, () => 0.5)).toBe(reconnectBackoff.maxMs / 2);
  });

  it("treats a negative attempt as the first", () => {
    expect(getReconnectDelay(-3, () => 0.5)).toBe(250);
  });

  it("spreads delays over the whole window (full jitter)", () => {
    const delays = Array.from({ length: 2_000 }, () => getReconnectDelay(4));
    expect(Math.min(...delays)).toBeLessThan(1_000);
    expect(Math.max(...delays)).toBeGreaterThan(7_000);
    expect(delays.every((delay) => delay >= 0 && delay < 8_000)).toBe(true);
  });
});

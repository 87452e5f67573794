import { describe, expect, it } from "vitest";

import { getReconnectDelayMs } from "@/lib/realtime/listener";

describe("getReconnectDelayMs", () => {
  it.each([
    { failures: 1, lowest: 250, highest: 500 },
    { failures: 2, lowest: 500, highest: 1_000 },
    { failures: 3, lowest: 1_000, highest: 2_000 },
    { failures: 5, lowest: 4_000, highest: 8_000 },
    { failures: 6, lowest: 5_000, highest: 10_000 },
    { failures: 50, lowest: 5_000, highest: 10_000 },
  ])("after $failures failures: from $lowest ms up to $highest ms", ({ failures, lowest, highest }) => {
    expect(getReconnectDelayMs(failures, 0)).toBe(lowest);
    expect(getReconnectDelayMs(failures, 0.5)).toBe((lowest + highest) / 2);
    expect(getReconnectDelayMs(failures, 0.999_999)).toBeLessThan(highest);
    expect(getReconnectDelayMs(failures, 0.999_999)).toBeGreaterThan(highest - 1);
  });
});

import { describe, expect, it } from "vitest";

import { getDatabasePoolSize, getTimeZone } from "@/lib/env";

describe("getDatabasePoolSize", () => {
  it.each([
    { value: undefined, size: 10 },
    { value: "", size: 10 },
    { value: "  ", size: 10 },
    { value: "1", size: 1 },
    { value: "25", size: 25 },
    { value: "200", size: 200 },
  ])("$value → $size", ({ value, size }) => {
    expect(getDatabasePoolSize({ DATABASE_POOL_SIZE: value })).toBe(size);
  });

  it.each([
    { value: "0", message: "at least 1" },
    { value: "-3", message: "at least 1" },
    { value: "2.5", message: "whole number" },
    { value: "201", message: "at most 200" },
    { value: "ten", message: "must be a number" },
  ])("refuses $value with a message that says why", ({ value, message }) => {
    expect(() => getDatabasePoolSize({ DATABASE_POOL_SIZE: value })).toThrow(message);
  });
});

describe("getTimeZone", () => {
  it("takes an IANA zone, falls back to the server's, and names the variable when it is wrong", () => {
    expect(getTimeZone({ MARGIN_TIME_ZONE: "Europe/Amsterdam" })).toBe("Europe/Amsterdam");
    expect(getTimeZone({})).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(() => getTimeZone({ MARGIN_TIME_ZONE: "Mars/Olympus" })).toThrow(/MARGIN_TIME_ZONE/);
  });
});

import { describe, expect, it } from "vitest";

import { parseAuditCursor } from "@/lib/audit/schema";

const id = "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b";

describe("parseAuditCursor", () => {
  it.each([
    { cursor: `2026-11-26T00:42:04.176Z_${id}`, createdAt: "2026-11-26T00:42:04.176Z" },
    { cursor: `0001-01-01T00:00:00.000Z_${id}`, createdAt: "0001-01-01T00:00:00.000Z" },
    { cursor: `9999-12-31T23:59:59.999Z_${id}`, createdAt: "9999-12-31T23:59:59.999Z" },
  ])("$cursor → its time and id", ({ cursor, createdAt }) => {
    expect(parseAuditCursor(cursor)).toEqual({ createdAt: new Date(createdAt), id });
  });

  it.each([
    { name: "missing", cursor: undefined },
    { name: "empty", cursor: "" },
    { name: "no separator", cursor: "2026-11-26T00:42:04.176Z" },
    { name: "a malformed id", cursor: "2026-11-26T00:42:04.176Z_nope" },
    { name: "not a time", cursor: `yesterday_${id}` },
    // JavaScript parses these; PostgreSQL cannot hold them (they were a 500).
    { name: "year 0", cursor: `0000-01-01T00:00:00.000Z_${id}` },
    { name: "a six-digit year", cursor: `+275760-09-13T00:00:00.000Z_${id}` },
    { name: "a negative year", cursor: `-271821-04-20T00:00:00.000Z_${id}` },
    { name: "NUL", cursor: `2026-11-26T00:42:04.176Z\u0000_${id}` },
    { name: "over 100 characters", cursor: `2026-11-26T00:42:04.176Z_${id}${"0".repeat(60)}` },
  ])("$name → null (from the newest)", ({ cursor }) => {
    expect(parseAuditCursor(cursor)).toBeNull();
  });
});

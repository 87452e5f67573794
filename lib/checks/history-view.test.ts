import { describe, expect, it } from "vitest";

import { sortHistoryEntries, toClaimHistoryView } from "@/lib/checks/history-view";

const at = (iso: string) => new Date(iso);

describe("sortHistoryEntries", () => {
  it("oldest first; lines of one transaction in the order of the fields, then by id", () => {
    const rows = [
      { id: "c", field: "due", createdAt: at("2026-12-03T14:05:00Z") },
      { id: "z", field: "evidence.added", createdAt: at("2026-12-03T14:04:00Z") },
      { id: "b", field: "status", createdAt: at("2026-12-03T14:05:00Z") },
      { id: "a", field: "assignee", createdAt: at("2026-12-03T14:05:00Z") },
      { id: "y", field: "something.new", createdAt: at("2026-12-03T14:05:00Z") },
      { id: "x", field: "something.new", createdAt: at("2026-12-03T14:05:00Z") },
    ];
    expect(sortHistoryEntries(rows).map((row) => row.id)).toEqual(["z", "b", "a", "c", "x", "y"]);
    // The input is left as it was.
    expect(rows[0]!.id).toBe("c");
  });
});

describe("toClaimHistoryView", () => {
  it("gives ISO times, and null for absent values", () => {
    expect(
      toClaimHistoryView({ id: "1", field: "thread.resolved", from: null, to: null, actor: null, createdAt: at("2026-12-03T14:05:00Z") }),
    ).toEqual({ id: "1", field: "thread.resolved", from: null, to: null, actor: null, createdAt: "2026-12-03T14:05:00.000Z" });
  });
});

import { describe, expect, it } from "vitest";

import { pickCheckChanges, planCheckChanges, type CheckState } from "@/lib/checks/changes";

const anna = { id: "00000000-0000-4000-8000-00000000000a", name: "Anna" };
const bram = { id: "00000000-0000-4000-8000-00000000000b", name: "Bram" };
const december = new Date("2026-12-10T00:00:00.000Z");
const january = new Date("2027-01-05T08:30:00.000Z");

describe("pickCheckChanges", () => {
  it("keeps the check fields that were given, null included, and nothing else", () => {
    expect(pickCheckChanges({ tags: ["energy"] })).toBeNull();
    expect(pickCheckChanges({ visibility: "private", status: "checked" })).toEqual({ status: "checked" });
    expect(pickCheckChanges({ assigneeId: null, dueAt: null })).toEqual({ assigneeId: null, dueAt: null });
    expect(pickCheckChanges({ status: undefined, dueAt: december })).toEqual({ dueAt: december });
  });
});

describe("planCheckChanges", () => {
  const current: CheckState = { status: "open", assignee: anna, dueAt: december };

  it.each([
    { name: "nothing asked", requested: {}, data: {}, history: [] },
    { name: "the same values", requested: { status: "open", assignee: { ...anna, name: "Anna (renamed)" }, dueAt: new Date(december) }, data: {}, history: [] },
    {
      name: "a new status",
      requested: { status: "checking" },
      data: { status: "CHECKING" },
      history: [{ field: "status", from: "open", to: "checking" }],
    },
    {
      name: "another assignee",
      requested: { assignee: bram },
      data: { assigneeId: bram.id },
      history: [{ field: "assignee", from: anna, to: bram }],
    },
    {
      name: "no assignee and no due date",
      requested: { assignee: null, dueAt: null },
      data: { assigneeId: null, dueAt: null },
      history: [
        { field: "assignee", from: anna, to: null },
        { field: "due", from: "2026-12-10T00:00:00.000Z", to: null },
      ],
    },
    {
      name: "everything, of which the status stays",
      requested: { status: "open", assignee: bram, dueAt: january },
      data: { assigneeId: bram.id, dueAt: january },
      history: [
        { field: "assignee", from: anna, to: bram },
        { field: "due", from: "2026-12-10T00:00:00.000Z", to: "2027-01-05T08:30:00.000Z" },
      ],
    },
  ] as const)("$name", ({ requested, data, history }) => {
    expect(planCheckChanges(current, requested)).toEqual({ data, history });
  });

  it("from nothing to something", () => {
    const empty: CheckState = { status: "checked", assignee: null, dueAt: null };
    expect(planCheckChanges(empty, { status: "not_checkable", assignee: anna, dueAt: december }).history).toEqual([
      { field: "status", from: "checked", to: "not_checkable" },
      { field: "assignee", from: null, to: anna },
      { field: "due", from: null, to: "2026-12-10T00:00:00.000Z" },
    ]);
    expect(planCheckChanges(empty, { assignee: null, dueAt: null })).toEqual({ data: {}, history: [] });
  });
});

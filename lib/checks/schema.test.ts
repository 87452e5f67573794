import { describe, expect, it } from "vitest";

import { updateClaimInputSchema } from "@/lib/claims/schema";

const id = "00000000-0000-4000-8000-00000000000a";

describe("updateClaimInputSchema: the check's fields", () => {
  it.each([
    { input: { status: "checking" }, expected: { status: "checking" } },
    { input: { status: "not_checkable" }, expected: { status: "not_checkable" } },
    { input: { assigneeId: id }, expected: { assigneeId: id } },
    { input: { assigneeId: null }, expected: { assigneeId: null } },
    { input: { dueAt: null }, expected: { dueAt: null } },
    // A date is that day at midnight UTC; a date and time keeps its instant.
    { input: { dueAt: "2026-12-10" }, expected: { dueAt: new Date("2026-12-10T00:00:00.000Z") } },
    { input: { dueAt: "2026-12-10T17:00:00+01:00" }, expected: { dueAt: new Date("2026-12-10T16:00:00.000Z") } },
    { input: { dueAt: "2026-12-10T17:00:00.250Z" }, expected: { dueAt: new Date("2026-12-10T17:00:00.250Z") } },
    {
      input: { tags: ["military"], status: "checked", assigneeId: id, dueAt: "2027-01-01" },
      expected: { tags: ["military"], status: "checked", assigneeId: id, dueAt: new Date("2027-01-01T00:00:00.000Z") },
    },
  ])("accepts $input", ({ input, expected }) => {
    expect(updateClaimInputSchema.parse(input)).toEqual(expected);
  });

  it.each([
    { input: { status: "done" }, field: "status" },
    { input: { status: "Checking" }, field: "status" },
    { input: { status: null }, field: "status" },
    { input: { status: 1 }, field: "status" },
    { input: { assigneeId: "alice" }, field: "assigneeId" },
    { input: { assigneeId: 42 }, field: "assigneeId" },
    { input: { dueAt: "tomorrow" }, field: "dueAt" },
    { input: { dueAt: "2026-02-30" }, field: "dueAt" },
    { input: { dueAt: "2026-12-10T17:00:00" }, field: "dueAt" },
    { input: { dueAt: "0000-01-01" }, field: "dueAt" },
    { input: { dueAt: "1969-12-31" }, field: "dueAt" },
    { input: { dueAt: "9999-12-31T23:00:00-05:00" }, field: "dueAt" },
    { input: { dueAt: 1_765_324_800_000 }, field: "dueAt" },
  ])("refuses $input, naming $field", ({ input, field }) => {
    const result = updateClaimInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([field]);
  });

  it("names the field and the choices in its messages", () => {
    const messages = (input: unknown) => updateClaimInputSchema.safeParse(input).error?.issues.map((issue) => issue.message);
    expect(messages({ status: "done" })).toEqual(["The status must be one of: open, checking, checked, not_checkable"]);
    expect(messages({ assigneeId: "x" })).toEqual(["The assignee must be a member of the claim's team who can check claims"]);
    expect(messages({ dueAt: "x" })).toEqual(["The due date must be an ISO 8601 date such as 2026-12-10, or a date and time with its offset"]);
  });

  it("still refuses a request that changes nothing", () => {
    expect(updateClaimInputSchema.safeParse({}).success).toBe(false);
    expect(updateClaimInputSchema.safeParse({ status: undefined }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";

import { applyCheckEdit, dueDateFormat, fromDateInputValue, isDueDateOnly, toCheckRequest, toDateInputValue } from "@/components/checks/check-values";
import { claimViewFor } from "@/lib/testing/views";

describe("due dates in the panel", () => {
  it("a date is that day at 00:00 UTC, both ways", () => {
    expect(fromDateInputValue("2026-12-10")).toBe("2026-12-10T00:00:00.000Z");
    expect(toDateInputValue("2026-12-10T00:00:00.000Z")).toBe("2026-12-10");
    expect(toDateInputValue(null)).toBe("");
    expect(isDueDateOnly("2026-12-10T00:00:00.000Z")).toBe(true);
    expect(isDueDateOnly("2026-12-10T16:00:00.000Z")).toBe(false);
  });

  it("a date is shown as the day it names in every time zone; a time set through the API as a time", () => {
    expect(dueDateFormat("2026-12-10T00:00:00.000Z")).toEqual({ dateStyle: "medium", timeZone: "UTC" });
    expect(dueDateFormat("2026-12-10T16:00:00.000Z")).toEqual({ dateStyle: "medium", timeStyle: "short" });
  });
});

describe("an edit", () => {
  const bram = { id: "00000000-0000-4000-8000-00000000000b", name: "Bram" };

  it("is sent as the API takes it, with only what changed", () => {
    expect(toCheckRequest({ status: "checking" })).toEqual({ status: "checking" });
    expect(toCheckRequest({ assignee: bram })).toEqual({ assigneeId: bram.id });
    expect(toCheckRequest({ assignee: null, dueDate: null })).toEqual({ assigneeId: null, dueAt: null });
    expect(toCheckRequest({ dueDate: "2026-12-10" })).toEqual({ dueAt: "2026-12-10" });
  });

  it("shows at once as the server will answer it", () => {
    const claim = claimViewFor("00000000-0000-4000-8000-00000000000c", { status: "open", assignee: null, dueAt: null });
    expect(applyCheckEdit(claim, { status: "checked", assignee: bram, dueDate: "2026-12-10" })).toEqual({
      ...claim,
      status: "checked",
      assignee: bram,
      dueAt: "2026-12-10T00:00:00.000Z",
    });
    expect(applyCheckEdit(claim, {})).toEqual(claim);
  });
});

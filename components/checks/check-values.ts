/**
 * A claim's check as the panel shows and edits it. Pure. Due dates chosen in the panel are dates, stored as that
 * day at 00:00 UTC (docs/api.md); a due time set through the API keeps its instant.
 */
import type { DateTimeFormatOptions } from "next-intl";

import type { CheckStatusName, ClaimView } from "@/lib/claims/schema";

const dateOnlySuffix = "T00:00:00.000Z";

/** True when an ISO 8601 time is a due *date*: that day at 00:00 UTC. */
export function isDueDateOnly(iso: string): boolean {
  return iso.endsWith(dateOnlySuffix);
}

/** The value of an `<input type="date">` for a due date (its UTC day), or "" for none. */
export function toDateInputValue(dueAt: string | null): string {
  return dueAt === null ? "" : dueAt.slice(0, 10);
}

/** The ISO time the server will answer for a date chosen in the panel ("2026-12-10"). */
export function fromDateInputValue(value: string): string {
  return `${value}${dateOnlySuffix}`;
}

/** How a due date is formatted: a date in UTC (the day it names everywhere), or a date and time where it was set as one. */
export function dueDateFormat(iso: string): DateTimeFormatOptions {
  return isDueDateOnly(iso) ? { dateStyle: "medium", timeZone: "UTC" } : { dateStyle: "medium", timeStyle: "short" };
}

/** A change to a claim's check as the panel makes it; the assignee with their name, for the optimistic update. */
export type CheckEdit = { status?: CheckStatusName; assignee?: { id: string; name: string } | null; dueDate?: string | null };

/** The request body for an edit: `dueDate` ("2026-12-10") is sent as a date, as the API takes it. */
export function toCheckRequest(edit: CheckEdit): { status?: CheckStatusName; assigneeId?: string | null; dueAt?: string | null } {
  return {
    ...(edit.status !== undefined ? { status: edit.status } : {}),
    ...(edit.assignee !== undefined ? { assigneeId: edit.assignee?.id ?? null } : {}),
    ...(edit.dueDate !== undefined ? { dueAt: edit.dueDate } : {}),
  };
}

/** The claim as it will be once the server has the edit, shown at once (the server's answer replaces it). */
export function applyCheckEdit(claim: ClaimView, edit: CheckEdit): ClaimView {
  return {
    ...claim,
    ...(edit.status !== undefined ? { status: edit.status } : {}),
    ...(edit.assignee !== undefined ? { assignee: edit.assignee } : {}),
    ...(edit.dueDate !== undefined ? { dueAt: edit.dueDate === null ? null : fromDateInputValue(edit.dueDate) } : {}),
  };
}

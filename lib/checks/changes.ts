/**
 * What a request changes about a claim's check, and the history lines that say so. Pure: the service reads the
 * claim's current check (locked) and the new assignee's name, and writes what this returns.
 */
import type { HistoryPerson } from "@/lib/checks/schema";
import type { CheckStatusName, UpdateClaimInput } from "@/lib/claims/schema";
import type { CheckStatus } from "@/lib/generated/prisma/enums";

/** The check fields of a `PATCH /api/claims/{id}` request, as parsed. */
export type CheckChangeRequest = Pick<UpdateClaimInput, "status" | "assigneeId" | "dueAt">;

/** The request's check fields that were given (undefined: not asked to change), or null when it asks for none. */
export function pickCheckChanges(input: UpdateClaimInput): CheckChangeRequest | null {
  const { status, assigneeId, dueAt } = input;
  if (status === undefined && assigneeId === undefined && dueAt === undefined) return null;
  return {
    ...(status !== undefined ? { status } : {}),
    ...(assigneeId !== undefined ? { assigneeId } : {}),
    ...(dueAt !== undefined ? { dueAt } : {}),
  };
}

/** A claim's check as stored: status, assignee (with their name now), due date. */
export type CheckState = { status: CheckStatusName; assignee: HistoryPerson | null; dueAt: Date | null };

/** The check as the request wants it: the new assignee already resolved to `{ id, name }` (or null). */
export type RequestedCheck = { status?: CheckStatusName; assignee?: HistoryPerson | null; dueAt?: Date | null };

/** One history line, before the service adds the claim and actor. */
export type CheckHistoryLine =
  | { field: "status"; from: CheckStatusName; to: CheckStatusName }
  | { field: "assignee"; from: HistoryPerson | null; to: HistoryPerson | null }
  | { field: "due"; from: string | null; to: string | null };

/** The columns to write, in the database's terms. */
export type CheckUpdateData = { status?: CheckStatus; assigneeId?: string | null; dueAt?: Date | null };

/** The API's status name → the database's enum (the inverse of lib/claims/claim-view.ts's `checkStatusNames`). */
export const databaseCheckStatuses = {
  open: "OPEN",
  checking: "CHECKING",
  checked: "CHECKED",
  not_checkable: "NOT_CHECKABLE",
} as const satisfies Record<CheckStatusName, CheckStatus>;

/**
 * What to write for `requested` given `current`: only the fields whose value changes, each with one history line
 * (status names; assignees as `{ id, name }` with their name at the time; due dates as ISO 8601). A field set to
 * what it already is writes and records nothing.
 */
export function planCheckChanges(current: CheckState, requested: RequestedCheck): { data: CheckUpdateData; history: CheckHistoryLine[] } {
  const data: CheckUpdateData = {};
  const history: CheckHistoryLine[] = [];
  if (requested.status !== undefined && requested.status !== current.status) {
    data.status = databaseCheckStatuses[requested.status];
    history.push({ field: "status", from: current.status, to: requested.status });
  }
  if (requested.assignee !== undefined && (requested.assignee?.id ?? null) !== (current.assignee?.id ?? null)) {
    data.assigneeId = requested.assignee?.id ?? null;
    history.push({ field: "assignee", from: current.assignee, to: requested.assignee });
  }
  if (requested.dueAt !== undefined && (requested.dueAt?.getTime() ?? null) !== (current.dueAt?.getTime() ?? null)) {
    data.dueAt = requested.dueAt;
    history.push({ field: "due", from: current.dueAt?.toISOString() ?? null, to: requested.dueAt?.toISOString() ?? null });
  }
  return { data, history };
}

/** How stored history lines become what the API returns. Pure. */
import { claimHistoryFields, type ClaimHistoryView, type HistoryValue } from "@/lib/checks/schema";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A history line as read from the database. */
export type ClaimHistoryRow = {
  id: string;
  field: string;
  from: Prisma.JsonValue;
  to: Prisma.JsonValue;
  createdAt: Date;
  actor: { id: string; name: string } | null;
};

const fieldOrder = new Map<string, number>(claimHistoryFields.map((field, index) => [field, index]));

/**
 * Oldest first. Lines written by one transaction share its start time (PostgreSQL's `now()`), so they are put in
 * the order of `claimHistoryFields` (status, then assignee, then due date…), and by id last, so that every read
 * lists them the same way.
 */
export function sortHistoryEntries<Row extends Pick<ClaimHistoryRow, "id" | "field" | "createdAt">>(rows: readonly Row[]): Row[] {
  const orderOf = (field: string) => fieldOrder.get(field) ?? claimHistoryFields.length;
  return [...rows].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || orderOf(a.field) - orderOf(b.field) || a.id.localeCompare(b.id),
  );
}

/** A stored line as `GET /api/claims/{id}/history` returns it: an absent value is null. */
export function toClaimHistoryView(row: ClaimHistoryRow): ClaimHistoryView {
  return {
    id: row.id,
    field: row.field,
    from: (row.from ?? null) as HistoryValue,
    to: (row.to ?? null) as HistoryValue,
    actor: row.actor,
    createdAt: row.createdAt.toISOString(),
  };
}

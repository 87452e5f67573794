import "server-only";

import type { ClaimHistoryField } from "@/lib/checks/schema";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The list lives in lib/checks/schema.ts, where the browser can read it too. */
export { claimHistoryFields, type ClaimHistoryField } from "@/lib/checks/schema";

/**
 * One change to record: `from` and `to` as they were, in JSON (a status name, `{ id, name }` of a person with
 * the name at the time, an ISO date, a rating key with its summary, an evidence title), null for "none".
 */
export type ClaimHistoryInput = {
  claimId: string;
  actorId: string;
  field: ClaimHistoryField;
  from?: Prisma.InputJsonValue | null;
  to?: Prisma.InputJsonValue | null;
};

/**
 * Writes lines of a claim's history inside the caller's transaction, so each line commits or rolls back with
 * the change it describes (like the audit log and the live event). `unsafe`: it authorises nothing; only
 * services that already authorised the change call it.
 */
export async function unsafeRecordClaimHistory(tx: Prisma.TransactionClient, entries: readonly ClaimHistoryInput[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.claimHistoryEntry.createMany({
    data: entries.map((entry) => ({
      claimId: entry.claimId,
      actorId: entry.actorId,
      field: entry.field,
      from: entry.from ?? undefined,
      to: entry.to ?? undefined,
    })),
  });
}

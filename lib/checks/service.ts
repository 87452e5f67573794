import "server-only";

import { actorMembershipSelect, readableClaimWhere, roleIn } from "@/lib/access/rules";
import { findRoleInTeam } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { planCheckChanges, type CheckChangeRequest, type CheckState } from "@/lib/checks/changes";
import { unsafeRecordClaimHistory } from "@/lib/checks/history";
import { sortHistoryEntries, toClaimHistoryView } from "@/lib/checks/history-view";
import { getAssigneeRefusal, getCheckRefusal, type AssigneeRefusal } from "@/lib/checks/policy";
import type { ClaimHistoryView, HistoryPerson } from "@/lib/checks/schema";
import { checkStatusNames } from "@/lib/claims/claim-view";
import { canSeeHiddenClaim, type ClaimFacts } from "@/lib/claims/policy";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CheckStatus, ClaimVisibility, Role } from "@/lib/generated/prisma/enums";
import type { MessageInput } from "@/lib/i18n/localized-message";
import { isId } from "@/lib/ids";

/**
 * Throws unless the actor (with `role` in the claim's team) may change the claim's status, assignee and due date:
 * 409 when the claim is hidden (its check is frozen), 403 when it is not theirs to move. The claim is one they can
 * read (the caller has checked): anything else was already a 404.
 */
export function assertCanCheck(role: Role, actorUserId: string, claim: ClaimFacts): void {
  const refusal = getCheckRefusal(role, actorUserId, claim);
  if (refusal === "hidden") throw new AppError("conflict", "errors.checks.claimHidden");
  if (refusal === "forbidden") throw new AppError("forbidden", "errors.checks.cannotCheck");
}

/** The claim whose check changes: its id and team, and who may see it after the request. */
export type CheckedClaim = { id: string; teamId: string; authorId: string; visibility: ClaimVisibility };

type LockedCheckRow = { status: CheckStatus; assignee_id: string | null; assignee_name: string | null; due_at: Date | null; hidden_at: Date | null };

const assigneeRefusalMessages: Record<AssigneeRefusal, MessageInput> = {
  notMember: "errors.checks.assigneeNotMember",
  privateClaim: "errors.checks.privateClaimAssignee",
};

/** The claim's check as it stands, its row locked until the transaction ends, so two changes record true `from`s. */
async function lockCheckState(tx: Prisma.TransactionClient, claimId: string): Promise<CheckState> {
  const rows = await tx.$queryRaw<LockedCheckRow[]>`
    SELECT c.status::text AS status, c.assignee_id, u.name AS assignee_name, c.due_at, c.hidden_at
    FROM claims c LEFT JOIN users u ON u.id = c.assignee_id
    WHERE c.id = ${claimId}::uuid
    FOR UPDATE OF c`;
  const row = rows[0];
  // Deleted, or hidden, since the caller's access check: the same answers as before it.
  if (!row) throw notFound("errors.claims.notFound");
  if (row.hidden_at !== null) throw new AppError("conflict", "errors.checks.claimHidden");
  return {
    status: checkStatusNames[row.status],
    assignee: row.assignee_id === null ? null : { id: row.assignee_id, name: row.assignee_name ?? "" },
    dueAt: row.due_at,
  };
}

/** The person a claim is to be assigned to, with their name now; a 422 naming `assigneeId` if they may not be. */
async function resolveAssignee(tx: Prisma.TransactionClient, claim: CheckedClaim, assigneeId: string): Promise<HistoryPerson> {
  const refusal = getAssigneeRefusal(await findRoleInTeam({ userId: assigneeId }, claim.teamId, tx), assigneeId, claim);
  if (refusal) {
    const message = assigneeRefusalMessages[refusal];
    throw new AppError("validation_failed", message, { fields: { assigneeId: message } });
  }
  // A member has an account (memberships cascade with users), read in the same transaction as their membership.
  return tx.user.findUniqueOrThrow({ where: { id: assigneeId }, select: { id: true, name: true } });
}

/**
 * Changes a claim's status, assignee and/or due date inside the caller's transaction (lib/claims/service.ts's
 * `updateClaim`, which sends the one live event), with one history line per field whose value changes. Returns
 * whether anything changed. `unsafe`: the caller has checked `assertCanCheck`; this checks the assignee (a member
 * who may check claims, 422 otherwise) and that the claim is still there and visible (404, 409).
 */
export async function unsafeApplyCheckChanges(
  tx: Prisma.TransactionClient,
  actor: Actor,
  claim: CheckedClaim,
  request: CheckChangeRequest,
): Promise<boolean> {
  const current = await lockCheckState(tx, claim.id);
  const assignee =
    request.assigneeId === undefined || request.assigneeId === null ? request.assigneeId : await resolveAssignee(tx, claim, request.assigneeId);
  const { data, history } = planCheckChanges(current, { status: request.status, assignee, dueAt: request.dueAt });
  if (history.length === 0) return false;
  await tx.claim.update({ where: { id: claim.id }, data: { ...data, updatedAt: new Date() } });
  await unsafeRecordClaimHistory(tx, history.map((line) => ({ ...line, claimId: claim.id, actorId: actor.userId })));
  return true;
}

/**
 * Refuses (422 naming `visibility`) to make a claim private while someone other than its author is assigned to
 * it: they could no longer see what they were given. Call it inside the change's transaction, after the request's
 * own check changes (which may unassign them), so it reads the assignee the claim will have.
 */
export async function unsafeAssertPrivateClaimAssignee(tx: Prisma.TransactionClient, claim: Pick<CheckedClaim, "id" | "authorId">): Promise<void> {
  const rows = await tx.$queryRaw<{ assignee_id: string | null }[]>`SELECT assignee_id FROM claims WHERE id = ${claim.id}::uuid FOR UPDATE`;
  const assigneeId = rows[0]?.assignee_id ?? null;
  if (assigneeId !== null && assigneeId !== claim.authorId) {
    throw new AppError("validation_failed", "errors.checks.privateClaimAssignee", { fields: { visibility: "errors.checks.privateClaimAssignee" } });
  }
}

/**
 * A claim's history, oldest first: its check (status, assignee, due date), verdicts, evidence and thread, each
 * line with who and when. Readable by whoever can read the claim (404 otherwise); a hidden claim's history, like
 * its thread, is a 404 for everyone who may not moderate it.
 */
export async function listClaimHistory(actor: Actor, claimId: string): Promise<ClaimHistoryView[]> {
  if (!isId(claimId)) throw notFound("errors.claims.notFound");
  const db = getDb();
  const claim = await db.claim.findFirst({
    where: { id: claimId, ...readableClaimWhere(actor) },
    select: { hiddenAt: true, team: { select: actorMembershipSelect(actor) } },
  });
  const role = roleIn(claim?.team);
  if (!claim || !role) throw notFound("errors.claims.notFound");
  if (claim.hiddenAt !== null && !canSeeHiddenClaim(role)) throw notFound("errors.checks.historyHidden");
  const rows = await db.claimHistoryEntry.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, field: true, from: true, to: true, createdAt: true, actor: { select: { id: true, name: true } } },
  });
  return sortHistoryEntries(rows).map(toClaimHistoryView);
}

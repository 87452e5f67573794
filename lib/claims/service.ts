import "server-only";

import { actorMembershipSelect, readableClaimWhere, roleIn } from "@/lib/access/rules";
import { getDocumentAccess } from "@/lib/access/team-access";
import { unsafeRecordAuditEvent } from "@/lib/audit/service";
import type { Actor } from "@/lib/auth/actor";
import { pickCheckChanges } from "@/lib/checks/changes";
import { assertCanCheck, unsafeApplyCheckChanges, unsafeAssertPrivateClaimAssignee } from "@/lib/checks/service";
import { resolveTags, toDatabaseVisibility } from "@/lib/claims/claim-tags";
import { claimSelect, toClaimRecord, toClaimView, type ClaimRecord } from "@/lib/claims/claim-view";
import { canSeeHiddenClaim, getClaimAbilities } from "@/lib/claims/policy";
import type { ClaimView, UpdateClaimInput } from "@/lib/claims/schema";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getClaimChangeAudience, getClaimEventAudience } from "@/lib/realtime/policy";
import type { HideInput } from "@/lib/moderation/schema";
import { toExcerpt } from "@/lib/notifications/schema";
import { unsafeNotify } from "@/lib/notifications/service";

/** Creating a claim is the write path's hot spot, with statements of its own: lib/claims/create-claim.ts. */
export { createClaim } from "@/lib/claims/create-claim";

/** The claims on a document the actor can read, in document order (start, then end, then age). */
export async function listClaimsForDocument(actor: Actor, documentId: string): Promise<ClaimView[]> {
  const { role } = await getDocumentAccess(actor, documentId);
  const rows = await getDb().claim.findMany({
    where: { documentId, ...readableClaimWhere(actor) },
    orderBy: [{ positionStart: "asc" }, { positionEnd: "asc" }, { createdAt: "asc" }],
    select: claimSelect,
  });
  return rows.map((row) => toClaimView(toClaimRecord(row), role, actor.userId));
}

export type ClaimAccess = { row: ClaimRecord; role: Role; teamId: string; documentTitle: string };

/** A claim the actor can read (lib/access), with their role in its team; otherwise the same 404 as a missing id. */
export async function getClaimAccess(actor: Actor, claimId: string): Promise<ClaimAccess> {
  if (!isId(claimId)) throw notFound("errors.claims.notFound");
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, ...readableClaimWhere(actor) },
    select: {
      ...claimSelect,
      teamId: true,
      document: { select: { title: true } },
      team: { select: actorMembershipSelect(actor) },
    },
  });
  const role = roleIn(claim?.team);
  if (!claim || !role) throw notFound("errors.claims.notFound");
  return { row: toClaimRecord(claim), role, teamId: claim.teamId, documentTitle: claim.document.title };
}

/** One claim the actor can read; otherwise the same 404 as a missing id. */
export async function getClaimForActor(actor: Actor, claimId: string): Promise<ClaimView> {
  const { row, role } = await getClaimAccess(actor, claimId);
  return toClaimView(row, role, actor.userId);
}

/**
 * Changes a claim: its tags and/or visibility (its author, with a role that may edit), and/or its check: status,
 * assignee and due date (whoever may check it, lib/checks). A request that mixes both needs both rights. One
 * transaction writes it all, the check's history lines and one `claim.updated` live event; a request that only
 * sets the check to what it already is writes nothing.
 */
export async function updateClaim(actor: Actor, claimId: string, input: UpdateClaimInput): Promise<ClaimView> {
  const { row, role, teamId } = await getClaimAccess(actor, claimId);
  const changesContent = input.tags !== undefined || input.visibility !== undefined;
  const checkChanges = pickCheckChanges(input);
  if (changesContent && !getClaimAbilities(role, actor.userId, row).canEdit) {
    throw new AppError("forbidden", "errors.claims.onlyAuthorCanChange");
  }
  if (checkChanges) assertCanCheck(role, actor.userId, row);
  const visibility = input.visibility ? toDatabaseVisibility(input.visibility) : row.visibility;
  const db = getDb();
  await db.$transaction(async (tx) => {
    if (input.tags !== undefined) {
      const teamTags = await tx.tag.findMany({ where: { teamId }, select: { id: true, name: true, color: true } });
      const tagIds = resolveTags(teamTags, input.tags).map((tag) => tag.id);
      await tx.claimTag.deleteMany({ where: { claimId, tagId: { notIn: tagIds } } });
      if (tagIds.length > 0) {
        await tx.claimTag.createMany({ data: tagIds.map((tagId) => ({ claimId, tagId })), skipDuplicates: true });
      }
    }
    const isCheckChanged = checkChanges
      ? await unsafeApplyCheckChanges(tx, actor, { id: claimId, teamId, authorId: row.authorId, visibility }, checkChanges)
      : false;
    if (visibility === "PRIVATE" && row.visibility !== "PRIVATE") await unsafeAssertPrivateClaimAssignee(tx, { id: claimId, authorId: row.authorId });
    if (changesContent) await tx.claim.update({ where: { id: claimId }, data: { updatedAt: new Date(), visibility } });
    if (!changesContent && !isCheckChanged) return;
    await unsafeAppendLiveEvent(tx, {
      teamId,
      documentId: row.documentId,
      type: "claim.updated",
      claimId,
      actorId: actor.userId,
      audience: getClaimChangeAudience(row, { authorId: row.authorId, visibility }),
    });
  });
  return getClaimForActor(actor, claimId);
}

/**
 * Deletes a claim and its whole thread. Its author, or a moderator or owner, can; when it is not the author,
 * the audit log records it (with the author's name and the quote's opening) in the same transaction.
 */
export async function deleteClaim(actor: Actor, claimId: string): Promise<void> {
  const { row, role, teamId } = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, row).canDelete) {
    throw new AppError("forbidden", "errors.claims.cannotDelete");
  }
  await getDb().$transaction(async (tx) => {
    // Comments and tag links go with it (ON DELETE CASCADE), in the same statement.
    await tx.claim.delete({ where: { id: claimId } });
    if (row.authorId !== actor.userId) {
      await unsafeRecordAuditEvent(tx, {
        teamId,
        actorId: actor.userId,
        action: "claim.deleted_by_moderator",
        targetType: "claim",
        targetId: claimId,
        details: { authorName: row.author.name, documentId: row.documentId, excerpt: toExcerpt(row.quoteExact) },
      });
    }
    await unsafeAppendLiveEvent(tx, {
      teamId,
      documentId: row.documentId,
      type: "claim.deleted",
      claimId,
      actorId: actor.userId,
      audience: getClaimEventAudience(row),
    });
  });
}

/**
 * Hides a claim (moderators and owners): it keeps its place, but everyone else sees a placeholder instead of
 * its quote, tags and thread. One transaction sets the hidden columns, records `claim.hidden` in the audit log
 * and notifies the author (unless the moderator is the author), so all three happen or none does.
 * Non-members get 404; members 403; an already hidden claim 409.
 */
export async function hideClaim(actor: Actor, claimId: string, input: HideInput): Promise<ClaimView> {
  const { row, role, teamId, documentTitle } = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, row).canHide) {
    if (row.hiddenAt && canSeeHiddenClaim(role)) throw new AppError("conflict", "errors.claims.alreadyHidden");
    throw new AppError("forbidden", "errors.claims.onlyModeratorsCanHide");
  }
  await getDb().$transaction(async (tx) => {
    // Conditional on still being visible: of two moderators hiding at once, one wins and one gets a 409,
    // so the author is notified once.
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, hiddenAt: null },
      data: { hiddenAt: new Date(), hiddenById: actor.userId, hiddenReason: input.reason },
    });
    if (count === 0) throw new AppError("conflict", "errors.claims.alreadyHidden");
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "claim.hidden",
      targetType: "claim",
      targetId: claimId,
      details: { authorName: row.author.name, reason: input.reason, documentId: row.documentId },
    });
    if (row.authorId !== actor.userId) {
      await unsafeNotify(tx, {
        userId: row.authorId,
        teamId,
        kind: "claim.hidden",
        payload: {
          moderatorName: actor.name,
          reason: input.reason,
          documentId: row.documentId,
          documentTitle,
          claimId,
          excerpt: toExcerpt(row.quoteExact),
        },
      });
    }
    await unsafeAppendLiveEvent(tx, {
      teamId,
      documentId: row.documentId,
      type: "claim.hidden",
      claimId,
      actorId: actor.userId,
      audience: getClaimEventAudience(row),
    });
  });
  return getClaimForActor(actor, claimId);
}

/**
 * Restores a hidden claim (moderators and owners), recording `claim.unhidden` (with the reason it had been
 * hidden for) in the same transaction. Non-members get 404; members 403; a claim that is not hidden 409.
 */
export async function unhideClaim(actor: Actor, claimId: string): Promise<ClaimView> {
  const { row, role, teamId } = await getClaimAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, row).canUnhide) {
    if (!row.hiddenAt && canSeeHiddenClaim(role)) throw new AppError("conflict", "errors.claims.notHidden");
    throw new AppError("forbidden", "errors.claims.onlyModeratorsCanUnhide");
  }
  await getDb().$transaction(async (tx) => {
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, hiddenAt: { not: null } },
      data: { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    if (count === 0) throw new AppError("conflict", "errors.claims.notHidden");
    await unsafeRecordAuditEvent(tx, {
      teamId,
      actorId: actor.userId,
      action: "claim.unhidden",
      targetType: "claim",
      targetId: claimId,
      details: { authorName: row.author.name, reason: row.hiddenReason ?? "", documentId: row.documentId },
    });
    await unsafeAppendLiveEvent(tx, {
      teamId,
      documentId: row.documentId,
      type: "claim.unhidden",
      claimId,
      actorId: actor.userId,
      audience: getClaimEventAudience(row),
    });
  });
  return getClaimForActor(actor, claimId);
}

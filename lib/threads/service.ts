import "server-only";

import { actorMembershipSelect, readableClaimWhere, roleIn } from "@/lib/access/rules";
import { assertRoleCan } from "@/lib/access/team-access";
import { unsafeRecordAuditEvent } from "@/lib/audit/service";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getCommentEventAudience } from "@/lib/realtime/policy";
import type { HideInput } from "@/lib/moderation/schema";
import { toExcerpt } from "@/lib/notifications/schema";
import { unsafeNotify } from "@/lib/notifications/service";
import { commentSelect, toCommentView, type CommentRow } from "@/lib/threads/comment-view";
import { unsafeNotifyMentions } from "@/lib/threads/mention-notifications";
import { canSeeHiddenComment, getCommentAbilities } from "@/lib/threads/policy";
import { unsafeReopenThreadOnComment } from "@/lib/threads/resolution";
import type { CommentView, CreateCommentInput, UpdateCommentInput } from "@/lib/threads/schema";
import { canReadThread, getThreadAccess, threadClaimSelect, type ThreadClaim } from "@/lib/threads/thread-access";

/**
 * Appends the live event for a change to a comment of `claim`, inside the change's transaction, so that viewers
 * who may read the thread see it at once (lib/realtime).
 */
function appendCommentEvent(
  tx: Prisma.TransactionClient,
  actor: Actor,
  claim: ThreadClaim,
  type: "comment.created" | "comment.updated" | "comment.deleted" | "comment.hidden" | "comment.unhidden",
  commentId: string,
): Promise<number> {
  return unsafeAppendLiveEvent(tx, {
    teamId: claim.teamId,
    documentId: claim.documentId,
    type,
    claimId: claim.id,
    commentId,
    actorId: actor.userId,
    audience: getCommentEventAudience(claim),
  });
}

/**
 * A claim's thread, oldest first: comments and replies (`parentId`), deleted ones as tombstones, hidden ones
 * in place (their text withheld from non-moderators). The thread of a hidden claim is a 404 for non-moderators.
 */
export async function listCommentsForClaim(actor: Actor, claimId: string): Promise<CommentView[]> {
  const { role, claim } = await getThreadAccess(actor, claimId);
  if (!canReadThread(claim, role)) throw notFound("errors.threads.discussionHidden");
  const rows = await getDb().comment.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentSelect,
  });
  return rows.map((row) => toCommentView(row, role, actor.userId));
}

/**
 * Adds a comment to a claim, or a reply when `parentId` is given. Threads are one level deep: a reply to a
 * reply is attached to the same top-level comment. Only moderators and owners add to a hidden claim's thread
 * or reply to a hidden comment (403 for others). In the comment's transaction: a resolved discussion is reopened
 * (lib/threads/resolution.ts), and the members in `mentions` whose `@Name` is in the body and who may read the
 * discussion are notified (lib/threads/mention-notifications.ts); other ids are ignored without an error.
 */
export async function createComment(actor: Actor, claimId: string, input: CreateCommentInput): Promise<CommentView> {
  const { role, claim } = await getThreadAccess(actor, claimId);
  assertRoleCan(role, "comment.create", "errors.threads.cannotComment");
  if (!canReadThread(claim, role)) {
    throw new AppError("forbidden", "errors.threads.claimHiddenNoComments");
  }
  const db = getDb();
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await db.comment.findFirst({
      where: { id: input.parentId, claimId },
      select: { id: true, parentId: true, deletedAt: true, hiddenAt: true },
    });
    if (!parent) throw notFound("errors.threads.parentNotFound");
    if (parent.hiddenAt && !parent.deletedAt && !canSeeHiddenComment(role)) {
      throw new AppError("forbidden", "errors.threads.parentHidden");
    }
    parentId = parent.parentId ?? parent.id;
  }
  const row = await db.$transaction(async (tx) => {
    const created = await tx.comment.create({
      data: { claimId, authorId: actor.userId, parentId, body: input.body },
      select: commentSelect,
    });
    await appendCommentEvent(tx, actor, claim, "comment.created", created.id);
    await unsafeReopenThreadOnComment(tx, actor, claim);
    await unsafeNotifyMentions(tx, actor, claim, { id: created.id, body: created.body }, input.mentions ?? []);
    return created;
  });
  return toCommentView(row, role, actor.userId);
}

type CommentAccess = { row: CommentRow; role: Role; claim: ThreadClaim };

/** A comment in a thread the actor can read, or a 404 (a hidden claim's comments too, for non-moderators). */
async function getCommentAccess(actor: Actor, commentId: string): Promise<CommentAccess> {
  if (!isId(commentId)) throw notFound("errors.threads.commentNotFound");
  const comment = await getDb().comment.findFirst({
    where: { id: commentId, claim: readableClaimWhere(actor) },
    select: {
      ...commentSelect,
      claim: {
        select: { ...threadClaimSelect, team: { select: actorMembershipSelect(actor) } },
      },
    },
  });
  const role = roleIn(comment?.claim.team);
  if (!comment || !role || !canReadThread(comment.claim, role)) throw notFound("errors.threads.commentNotFound");
  return { row: comment, role, claim: comment.claim };
}

/** Edits the body of one's own comment; records when. */
export async function updateComment(actor: Actor, commentId: string, input: UpdateCommentInput): Promise<CommentView> {
  const { row, role, claim } = await getCommentAccess(actor, commentId);
  if (!getCommentAbilities(role, actor.userId, row).canEdit) {
    throw new AppError("forbidden", row.hiddenAt && !row.deletedAt ? "errors.threads.hiddenCannotBeEdited" : "errors.threads.onlyOwnComments");
  }
  const updated = await getDb().$transaction(async (tx) => {
    const edited = await tx.comment.update({
      where: { id: commentId },
      data: { body: input.body, editedAt: new Date() },
      select: commentSelect,
    });
    await appendCommentEvent(tx, actor, claim, "comment.updated", commentId);
    return edited;
  });
  return toCommentView(updated, role, actor.userId);
}

/**
 * Deletes a comment: its author, or a moderator or owner. The row stays as a tombstone (body emptied,
 * `deletedAt` set) so that replies keep their place in the thread. When a moderator or owner deletes someone
 * else's comment, `comment.deleted_by_moderator` is recorded in the same transaction.
 */
export async function deleteComment(actor: Actor, commentId: string): Promise<CommentView> {
  const { row, role, claim } = await getCommentAccess(actor, commentId);
  if (!getCommentAbilities(role, actor.userId, row).canDelete) {
    throw new AppError("forbidden", "errors.threads.cannotDelete");
  }
  const deleted = await getDb().$transaction(async (tx) => {
    const updated = await tx.comment.update({
      where: { id: commentId },
      data: { body: "", deletedAt: new Date() },
      select: commentSelect,
    });
    if (row.authorId !== actor.userId) {
      await unsafeRecordAuditEvent(tx, {
        teamId: claim.teamId,
        actorId: actor.userId,
        action: "comment.deleted_by_moderator",
        targetType: "comment",
        targetId: commentId,
        details: { authorName: row.author.name, claimId: claim.id, documentId: claim.documentId, excerpt: toExcerpt(row.body) },
      });
    }
    await appendCommentEvent(tx, actor, claim, "comment.deleted", commentId);
    return updated;
  });
  return toCommentView(deleted, role, actor.userId);
}

/**
 * Hides a comment (moderators and owners): it keeps its place, but everyone else sees a placeholder instead of
 * its text. One transaction sets the hidden columns, records `comment.hidden` and notifies the author (unless
 * the moderator is the author), so all three happen or none does. Non-members get 404; members 403; a hidden or
 * deleted comment 409.
 */
export async function hideComment(actor: Actor, commentId: string, input: HideInput): Promise<CommentView> {
  const { row, role, claim } = await getCommentAccess(actor, commentId);
  if (!getCommentAbilities(role, actor.userId, row).canHide) {
    if (!canSeeHiddenComment(role)) throw new AppError("forbidden", "errors.threads.onlyModeratorsCanHide");
    throw new AppError("conflict", row.deletedAt ? "errors.threads.deletedCannotBeHidden" : "errors.threads.alreadyHidden");
  }
  const hidden = await getDb().$transaction(async (tx) => {
    // Conditional on still being visible: of two moderators hiding at once, one wins, and the author is told once.
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, hiddenAt: null, deletedAt: null },
      data: { hiddenAt: new Date(), hiddenById: actor.userId, hiddenReason: input.reason },
    });
    if (count === 0) throw new AppError("conflict", "errors.threads.alreadyHiddenOrDeleted");
    await unsafeRecordAuditEvent(tx, {
      teamId: claim.teamId,
      actorId: actor.userId,
      action: "comment.hidden",
      targetType: "comment",
      targetId: commentId,
      details: { authorName: row.author.name, reason: input.reason, claimId: claim.id, documentId: claim.documentId },
    });
    if (row.authorId !== actor.userId) {
      await unsafeNotify(tx, {
        userId: row.authorId,
        teamId: claim.teamId,
        kind: "comment.hidden",
        payload: {
          moderatorName: actor.name,
          reason: input.reason,
          documentId: claim.documentId,
          documentTitle: claim.document.title,
          claimId: claim.id,
          excerpt: toExcerpt(row.body),
        },
      });
    }
    await appendCommentEvent(tx, actor, claim, "comment.hidden", commentId);
    return tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect });
  });
  return toCommentView(hidden, role, actor.userId);
}

/**
 * Restores a hidden comment (moderators and owners), recording `comment.unhidden` (with the reason it had been
 * hidden for) in the same transaction. Non-members get 404; members 403; a comment that is not hidden 409.
 */
export async function unhideComment(actor: Actor, commentId: string): Promise<CommentView> {
  const { row, role, claim } = await getCommentAccess(actor, commentId);
  if (!getCommentAbilities(role, actor.userId, row).canUnhide) {
    if (!canSeeHiddenComment(role)) throw new AppError("forbidden", "errors.threads.onlyModeratorsCanUnhide");
    throw new AppError("conflict", row.deletedAt ? "errors.threads.deletedCannotBeRestored" : "errors.threads.notHidden");
  }
  const restored = await getDb().$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, hiddenAt: { not: null }, deletedAt: null },
      data: { hiddenAt: null, hiddenById: null, hiddenReason: null },
    });
    if (count === 0) throw new AppError("conflict", "errors.threads.notHidden");
    await unsafeRecordAuditEvent(tx, {
      teamId: claim.teamId,
      actorId: actor.userId,
      action: "comment.unhidden",
      targetType: "comment",
      targetId: commentId,
      details: { authorName: row.author.name, reason: row.hiddenReason ?? "", claimId: claim.id, documentId: claim.documentId },
    });
    await appendCommentEvent(tx, actor, claim, "comment.unhidden", commentId);
    return tx.comment.findUniqueOrThrow({ where: { id: commentId }, select: commentSelect });
  });
  return toCommentView(restored, role, actor.userId);
}

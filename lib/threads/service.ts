import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";
import { roleCan } from "@/lib/teams/policy";
import { getCommentAbilities } from "@/lib/threads/policy";
import type { CommentView, CreateCommentInput, UpdateCommentInput } from "@/lib/threads/schema";

const commentSelect = {
  id: true,
  claimId: true,
  parentId: true,
  body: true,
  authorId: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.CommentSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

function toCommentView(row: CommentRow, role: Role, actorUserId: string): CommentView {
  return {
    id: row.id,
    claimId: row.claimId,
    parentId: row.parentId,
    body: row.deletedAt ? null : row.body,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    abilities: getCommentAbilities(role, actorUserId, row),
  };
}

/** Prisma filter: claims the actor can read (member of the team; team-visible or their own). */
function readableClaimWhere(actor: Actor): Prisma.ClaimWhereInput {
  return {
    team: { memberships: { some: { userId: actor.userId } } },
    OR: [{ visibility: "TEAM" }, { authorId: actor.userId }],
  };
}

/** The actor's role in the team of a claim they can read, or a 404. */
async function getRoleForReadableClaim(actor: Actor, claimId: string): Promise<Role> {
  if (!isId(claimId)) throw notFound("Claim not found");
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, ...readableClaimWhere(actor) },
    select: { team: { select: { memberships: { where: { userId: actor.userId }, select: { role: true } } } } },
  });
  const role = claim?.team.memberships[0]?.role;
  if (!role) throw notFound("Claim not found");
  return role;
}

/** A claim's thread, oldest first: comments and replies (`parentId`), deleted ones as tombstones. */
export async function listCommentsForClaim(actor: Actor, claimId: string): Promise<CommentView[]> {
  const role = await getRoleForReadableClaim(actor, claimId);
  const rows = await getDb().comment.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentSelect,
  });
  return rows.map((row) => toCommentView(row, role, actor.userId));
}

/**
 * Adds a comment to a claim, or a reply when `parentId` is given. Threads are one level deep: a reply to a
 * reply is attached to the same top-level comment.
 */
export async function createComment(actor: Actor, claimId: string, input: CreateCommentInput): Promise<CommentView> {
  const role = await getRoleForReadableClaim(actor, claimId);
  if (!roleCan(role, "comment.create")) throw new AppError("forbidden", "Your role in this team cannot comment");
  const db = getDb();
  let parentId: string | null = null;
  if (input.parentId) {
    const parent = await db.comment.findFirst({
      where: { id: input.parentId, claimId },
      select: { id: true, parentId: true, deletedAt: true },
    });
    if (!parent) throw notFound("The comment you are replying to does not exist");
    parentId = parent.parentId ?? parent.id;
  }
  const row = await db.comment.create({
    data: { claimId, authorId: actor.userId, parentId, body: input.body },
    select: commentSelect,
  });
  return toCommentView(row, role, actor.userId);
}

type CommentAccess = { row: CommentRow; role: Role };

async function getCommentAccess(actor: Actor, commentId: string): Promise<CommentAccess> {
  if (!isId(commentId)) throw notFound("Comment not found");
  const comment = await getDb().comment.findFirst({
    where: { id: commentId, claim: readableClaimWhere(actor) },
    select: {
      ...commentSelect,
      claim: { select: { team: { select: { memberships: { where: { userId: actor.userId }, select: { role: true } } } } } },
    },
  });
  const role = comment?.claim.team.memberships[0]?.role;
  if (!comment || !role) throw notFound("Comment not found");
  return { row: comment, role };
}

/** Edits the body of one's own comment; records when. */
export async function updateComment(actor: Actor, commentId: string, input: UpdateCommentInput): Promise<CommentView> {
  const { row, role } = await getCommentAccess(actor, commentId);
  if (!getCommentAbilities(role, actor.userId, row).canEdit) {
    throw new AppError("forbidden", "You can only edit your own comments");
  }
  const updated = await getDb().comment.update({
    where: { id: commentId },
    data: { body: input.body, editedAt: new Date() },
    select: commentSelect,
  });
  return toCommentView(updated, role, actor.userId);
}

/**
 * Deletes a comment: its author, or a moderator or owner. The row stays as a tombstone (body emptied,
 * `deletedAt` set) so that replies keep their place in the thread.
 */
export async function deleteComment(actor: Actor, commentId: string): Promise<CommentView> {
  const { row, role } = await getCommentAccess(actor, commentId);
  if (!getCommentAbilities(role, actor.userId, row).canDelete) {
    throw new AppError("forbidden", "You cannot delete this comment");
  }
  const deleted = await getDb().comment.update({
    where: { id: commentId },
    data: { body: "", deletedAt: new Date() },
    select: commentSelect,
  });
  return toCommentView(deleted, role, actor.userId);
}

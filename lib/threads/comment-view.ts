import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { describeHidden, isWithheld } from "@/lib/moderation/policy";
import { canSeeHiddenComment, getCommentAbilities } from "@/lib/threads/policy";
import type { CommentView } from "@/lib/threads/schema";

/** What Prisma reads of a comment for `toCommentView`. */
export const commentSelect = {
  id: true,
  claimId: true,
  parentId: true,
  body: true,
  authorId: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  hiddenBy: { select: { name: true } },
  author: { select: { id: true, name: true } },
} satisfies Prisma.CommentSelect;

export type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

/**
 * The comment as `actorUserId` (with `role` in its team) may see it. A hidden comment's text is withheld here,
 * on the server, from everyone who may not moderate it. A deleted comment is a tombstone whatever it was.
 */
export function toCommentView(row: CommentRow, role: Role, actorUserId: string): CommentView {
  const reader = { userId: actorUserId, canModerate: canSeeHiddenComment(role) };
  const hidden = row.deletedAt ? null : describeHidden(row, reader);
  return {
    id: row.id,
    claimId: row.claimId,
    parentId: row.parentId,
    body: row.deletedAt || isWithheld(row, reader) ? null : row.body,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    hidden,
    abilities: getCommentAbilities(role, actorUserId, row),
  };
}

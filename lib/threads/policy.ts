/** Who may do what to a comment. Pure; the service loads the facts and asks here. */
import type { Role } from "@/lib/generated/prisma/enums";
import type { CommentAbilities } from "@/lib/threads/schema";
import { roleCan } from "@/lib/teams/policy";

export type CommentFacts = { authorId: string; deletedAt: Date | null; hiddenAt: Date | null };

/** Moderators and owners see a hidden comment's text; everyone else sees a placeholder. */
export function canSeeHiddenComment(role: Role): boolean {
  return roleCan(role, "comment.hide");
}

/**
 * Authors edit and delete their own comments; moderators and owners delete, hide and unhide any. Deleted ones
 * are final. A hidden comment is frozen until a moderator restores it: its author may delete it but not edit
 * it, and only moderators reply to it (others cannot read what they would answer).
 */
export function getCommentAbilities(role: Role, actorUserId: string, comment: CommentFacts): CommentAbilities {
  const canCreate = roleCan(role, "comment.create");
  if (comment.deletedAt) return { canEdit: false, canDelete: false, canReply: canCreate, canHide: false, canUnhide: false };
  const isAuthor = comment.authorId === actorUserId;
  const isHidden = comment.hiddenAt !== null;
  const canModerate = canSeeHiddenComment(role);
  return {
    canEdit: isAuthor && !isHidden && roleCan(role, "comment.updateOwn"),
    canDelete: (isAuthor && roleCan(role, "comment.deleteOwn")) || roleCan(role, "comment.deleteAny"),
    canReply: canCreate && (!isHidden || canModerate),
    canHide: canModerate && !isHidden,
    canUnhide: canModerate && isHidden,
  };
}

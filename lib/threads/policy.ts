/** Who may do what to a comment. Pure; the service loads the facts and asks here. */
import type { Role } from "@/lib/generated/prisma/enums";
import type { CommentAbilities } from "@/lib/threads/schema";
import { roleCan } from "@/lib/teams/policy";

export type CommentFacts = { authorId: string; deletedAt: Date | null };

/** Authors edit and delete their own comments; moderators and owners delete any. Deleted ones are final. */
export function getCommentAbilities(role: Role, actorUserId: string, comment: CommentFacts): CommentAbilities {
  if (comment.deletedAt) return { canEdit: false, canDelete: false, canReply: roleCan(role, "comment.create") };
  const isAuthor = comment.authorId === actorUserId;
  return {
    canEdit: isAuthor && roleCan(role, "comment.updateOwn"),
    canDelete: (isAuthor && roleCan(role, "comment.deleteOwn")) || roleCan(role, "comment.deleteAny"),
    canReply: roleCan(role, "comment.create"),
  };
}

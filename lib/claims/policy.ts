/**
 * Who may do what to a claim. Pure; the service loads the facts (role, author, visibility) and asks here.
 * Whether a claim is visible at all is lib/access's rule (`canReadClaim`, `readableClaimWhere`).
 */
import type { ClaimAbilities } from "@/lib/claims/schema";
import type { ClaimVisibility, Role } from "@/lib/generated/prisma/enums";
import { roleCan } from "@/lib/teams/policy";

export type ClaimFacts = { authorId: string; visibility: ClaimVisibility; hiddenAt: Date | null };

/**
 * Moderators and owners see a hidden claim's content and thread; everyone else sees a placeholder, and the
 * server withholds the quote, selectors, tags and discussion from them.
 */
export function canSeeHiddenClaim(role: Role): boolean {
  return roleCan(role, "claim.hide");
}

/**
 * The actor's abilities on a claim they can read, given their role in its team. A hidden claim is frozen until
 * a moderator restores it: nobody retags it, and only those who can still read its thread add to it. Its author
 * may still delete it (the audit log keeps the record of the hiding).
 */
export function getClaimAbilities(role: Role, actorUserId: string, claim: ClaimFacts): ClaimAbilities {
  const isAuthor = claim.authorId === actorUserId;
  const isHidden = claim.hiddenAt !== null;
  const canModerate = roleCan(role, "claim.hide");
  return {
    canEdit: isAuthor && !isHidden && roleCan(role, "claim.updateOwn"),
    canDelete: (isAuthor && roleCan(role, "claim.deleteOwn")) || roleCan(role, "claim.deleteAny"),
    canComment: roleCan(role, "comment.create") && (!isHidden || canModerate),
    canHide: canModerate && !isHidden,
    canUnhide: canModerate && isHidden,
  };
}

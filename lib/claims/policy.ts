/**
 * Who may do what to a claim. Pure; the service loads the facts (role, author, visibility) and asks here.
 * Whether a claim is visible at all is lib/access's rule (`canReadClaim`, `readableClaimWhere`).
 */
import type { ClaimAbilities } from "@/lib/claims/schema";
import type { ClaimVisibility, Role } from "@/lib/generated/prisma/enums";
import { roleCan } from "@/lib/teams/policy";

export type ClaimFacts = { authorId: string; visibility: ClaimVisibility; hiddenAt: Date | null; assigneeId?: string | null };

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
 * may still delete it (the audit log keeps the record of the hiding). The fact-check (status, evidence, verdicts)
 * is moved by the claim's author or assignee, or by any editor (moderators and owners); editors alone publish.
 */
export function getClaimAbilities(role: Role, actorUserId: string, claim: ClaimFacts): ClaimAbilities {
  const isAuthor = claim.authorId === actorUserId;
  const isHidden = claim.hiddenAt !== null;
  const canModerate = roleCan(role, "claim.hide");
  const isResponsible = isAuthor || (claim.assigneeId != null && claim.assigneeId === actorUserId);
  return {
    canEdit: isAuthor && !isHidden && roleCan(role, "claim.updateOwn"),
    canDelete: (isAuthor && roleCan(role, "claim.deleteOwn")) || roleCan(role, "claim.deleteAny"),
    canComment: roleCan(role, "comment.create") && (!isHidden || canModerate),
    canHide: canModerate && !isHidden,
    canUnhide: canModerate && isHidden,
    // The fact-check works on what the claim says: frozen while it is hidden, like its tags.
    canCheck: !isHidden && (roleCan(role, "claim.checkAny") || (isResponsible && roleCan(role, "claim.checkOwn"))),
    canAddEvidence: !isHidden && roleCan(role, "evidence.create"),
    canProposeVerdict: !isHidden && roleCan(role, "verdict.propose"),
    canPublishVerdict: !isHidden && roleCan(role, "verdict.publish"),
    canResolveThread:
      (!isHidden || canModerate) && (roleCan(role, "thread.resolveAny") || (isResponsible && roleCan(role, "thread.resolveOwn"))),
    canReattach: !isHidden && ((isAuthor && roleCan(role, "claim.updateOwn")) || canModerate),
  };
}

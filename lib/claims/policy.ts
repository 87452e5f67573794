/**
 * Who may do what to a claim. Pure; the service loads the facts (role, author, visibility) and asks here.
 */
import type { ClaimAbilities } from "@/lib/claims/schema";
import type { ClaimVisibility, Role } from "@/lib/generated/prisma/enums";
import { roleCan } from "@/lib/teams/policy";

export type ClaimFacts = { authorId: string; visibility: ClaimVisibility };

/** A team claim is visible to every member of its team; a private one only to its author. */
export function canReadClaim(actorUserId: string, claim: ClaimFacts): boolean {
  return claim.visibility === "TEAM" || claim.authorId === actorUserId;
}

/** The actor's abilities on a claim they can read, given their role in its team. */
export function getClaimAbilities(role: Role, actorUserId: string, claim: ClaimFacts): ClaimAbilities {
  const isAuthor = claim.authorId === actorUserId;
  return {
    canEdit: isAuthor && roleCan(role, "claim.updateOwn"),
    canDelete: (isAuthor && roleCan(role, "claim.deleteOwn")) || roleCan(role, "claim.deleteAny"),
    canComment: roleCan(role, "comment.create"),
  };
}

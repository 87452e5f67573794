/**
 * Who may do what to a claim's evidence. Pure; the service loads the facts and asks here. Whether the claim is
 * visible at all is lib/access's rule; whether evidence may be added is the claim's (`canAddEvidence`,
 * lib/claims/policy.ts).
 */
import { canSeeHiddenClaim } from "@/lib/claims/policy";
import type { EvidenceAbilities } from "@/lib/evidence/schema";
import type { Role } from "@/lib/generated/prisma/enums";
import { roleCan } from "@/lib/teams/policy";

export type EvidenceFacts = { authorId: string | null };
export type EvidenceClaimFacts = { hiddenAt: Date | null };

/**
 * Whoever may read a claim may read its evidence, except while a moderator has hidden the claim: then only those
 * who may moderate it (like its thread); for everyone else it is not found.
 */
export function canReadEvidence(role: Role, claim: EvidenceClaimFacts): boolean {
  return claim.hiddenAt === null || canSeeHiddenClaim(role);
}

/**
 * Its author edits and deletes it while their role may still add evidence (a member demoted to viewer reads
 * only); editors (moderators and owners: `evidence.deleteAny`) edit and delete anyone's. A hidden claim's
 * evidence is frozen like the claim: nobody edits it until the claim is restored, but it may be deleted.
 */
export function getEvidenceAbilities(role: Role, actorUserId: string, evidence: EvidenceFacts, claim: EvidenceClaimFacts): EvidenceAbilities {
  const isAuthor = evidence.authorId !== null && evidence.authorId === actorUserId;
  const isEditor = roleCan(role, "evidence.deleteAny");
  const mayChange = isEditor || (isAuthor && roleCan(role, "evidence.create"));
  return {
    canEdit: mayChange && claim.hiddenAt === null,
    canDelete: mayChange,
  };
}

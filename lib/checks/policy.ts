/**
 * Who may move a claim's check, and who may be given one. Pure: the service loads the facts and asks here. The
 * abilities themselves (`canCheck`) are lib/claims/policy.ts's; this says why a refusal is one.
 */
import { getClaimAbilities, type ClaimFacts } from "@/lib/claims/policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { roleCan } from "@/lib/teams/policy";

/** Why the actor may not change a claim's status, assignee or due date: not theirs to move (403), or frozen (409). */
export type CheckRefusal = "forbidden" | "hidden";

/**
 * Null when the actor may move the claim's check. A hidden claim's check is frozen until a moderator restores it:
 * someone who could move it were it visible is told so (a conflict with the claim's state, 409); anyone else is
 * refused for who they are (403), hidden or not.
 */
export function getCheckRefusal(role: Role, actorUserId: string, claim: ClaimFacts): CheckRefusal | null {
  if (getClaimAbilities(role, actorUserId, claim).canCheck) return null;
  const couldCheckIfVisible = claim.hiddenAt !== null && getClaimAbilities(role, actorUserId, { ...claim, hiddenAt: null }).canCheck;
  return couldCheckIfVisible ? "hidden" : "forbidden";
}

/** Why someone may not be given a claim to check: not a member who may check claims, or a private claim not theirs. */
export type AssigneeRefusal = "notMember" | "privateClaim";

/**
 * Null when the user (with `role` in the claim's team, or null when not a member) may be assigned the claim. An
 * assignee must be able to check what they are given: a member, moderator or owner (a viewer only reads). A
 * private claim is visible to its author alone, so nobody else can be given it.
 */
export function getAssigneeRefusal(
  role: Role | null,
  assigneeUserId: string,
  claim: Pick<ClaimFacts, "authorId" | "visibility">,
): AssigneeRefusal | null {
  if (role === null || !roleCan(role, "claim.checkOwn")) return "notMember";
  if (claim.visibility === "PRIVATE" && assigneeUserId !== claim.authorId) return "privateClaim";
  return null;
}

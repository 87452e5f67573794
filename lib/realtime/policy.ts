/**
 * Who receives which live event. Pure; the services pick an audience when they write an event, and every app
 * instance asks `canReceiveLiveEvent` for each open stream before it sends one (with the receiver's current
 * role, re-checked every few seconds), so the stream never tells anyone about more than the JSON API would.
 */
import type { ClaimFacts } from "@/lib/claims/policy";
import { canSeeHiddenClaim } from "@/lib/claims/policy";
import type { Role } from "@/lib/generated/prisma/enums";

export type LiveAudienceName = "TEAM" | "MODERATORS" | "USER";

export type LiveAudience = { audience: LiveAudienceName; audienceUserId: string | null };

export type LiveReceiver = { userId: string; role: Role };

const everyMember: LiveAudience = { audience: "TEAM", audienceUserId: null };

/** A claim's events reach whoever can read the claim: its team, or only its author when it is private. */
export function getClaimEventAudience(claim: Pick<ClaimFacts, "authorId" | "visibility">): LiveAudience {
  return claim.visibility === "PRIVATE" ? { audience: "USER", audienceUserId: claim.authorId } : everyMember;
}

/**
 * A change of visibility must reach everyone who could read the claim before or after it: members must learn
 * that a claim they saw went private (so that they drop it), or that a private one became theirs to see.
 */
export function getClaimChangeAudience(
  before: Pick<ClaimFacts, "authorId" | "visibility">,
  after: Pick<ClaimFacts, "authorId" | "visibility">,
): LiveAudience {
  return before.visibility === "TEAM" || after.visibility === "TEAM" ? everyMember : getClaimEventAudience(after);
}

/**
 * A comment's events reach whoever can read its thread: nobody but the author for a private claim, only
 * moderators and owners while the claim is hidden, otherwise the team (a hidden comment's placeholder too).
 */
export function getCommentEventAudience(claim: ClaimFacts): LiveAudience {
  if (claim.visibility === "PRIVATE") return getClaimEventAudience(claim);
  if (claim.hiddenAt !== null) return { audience: "MODERATORS", audienceUserId: null };
  return everyMember;
}

/** A notification's event (someone mentioned them) reaches its recipient alone. */
export function getNotificationEventAudience(userId: string): LiveAudience {
  return { audience: "USER", audienceUserId: userId };
}

/** Team-wide changes (tags) reach every member. */
export function getTeamEventAudience(): LiveAudience {
  return everyMember;
}

/** True when `receiver` (a member of the event's team, with their current role) may be told about the event. */
export function canReceiveLiveEvent(event: LiveAudience, receiver: LiveReceiver): boolean {
  switch (event.audience) {
    case "TEAM":
      return true;
    case "MODERATORS":
      return canSeeHiddenClaim(receiver.role);
    case "USER":
      return event.audienceUserId === receiver.userId;
  }
}

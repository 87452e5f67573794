import type { LiveEventView } from "@/lib/realtime/schema";

/**
 * What other people did since the reader last looked: claims they highlighted that the reader has not scrolled
 * to yet, and comments on threads the reader has not opened since. Pure state, updated by the functions below.
 */
export type LiveActivity = {
  /** Claims created by someone else, not yet seen in the text (oldest first). */
  unseenClaimIds: readonly string[];
  /** Per claim, comments by someone else since its thread was last open. */
  newCommentCounts: Readonly<Record<string, number>>;
};

export const emptyLiveActivity: LiveActivity = { unseenClaimIds: [], newCommentCounts: {} };

/** Whether someone other than the reader made a change (a change without an actor is someone else's). */
function isByOthers(event: LiveEventView, currentUserId: string): boolean {
  return event.actorId !== currentUserId;
}

/** Records a batch of changes: new claims and comments by others count as unseen; deleted claims stop counting. */
export function recordLiveActivity(
  activity: LiveActivity,
  events: readonly LiveEventView[],
  { currentUserId, openClaimId }: { currentUserId: string; openClaimId: string | null },
): LiveActivity {
  let unseen = [...activity.unseenClaimIds];
  const counts: Record<string, number> = { ...activity.newCommentCounts };
  let hasChanged = false;
  for (const event of events) {
    const claimId = event.claimId;
    if (!claimId) continue;
    if (event.type === "claim.deleted") {
      if (unseen.includes(claimId) || claimId in counts) hasChanged = true;
      unseen = unseen.filter((id) => id !== claimId);
      delete counts[claimId];
    } else if (event.type === "claim.created" && isByOthers(event, currentUserId) && !unseen.includes(claimId)) {
      unseen.push(claimId);
      hasChanged = true;
    } else if (event.type === "comment.created" && isByOthers(event, currentUserId) && claimId !== openClaimId) {
      counts[claimId] = (counts[claimId] ?? 0) + 1;
      hasChanged = true;
    }
  }
  return hasChanged ? { unseenClaimIds: unseen, newCommentCounts: counts } : activity;
}

/** The reader has seen these claims' highlights. */
export function markClaimsSeen(activity: LiveActivity, claimIds: readonly string[]): LiveActivity {
  const seen = new Set(claimIds);
  if (!activity.unseenClaimIds.some((id) => seen.has(id))) return activity;
  return { ...activity, unseenClaimIds: activity.unseenClaimIds.filter((id) => !seen.has(id)) };
}

/** The reader opened a claim's thread: its new comments are seen, and so is the claim itself. */
export function markThreadOpened(activity: LiveActivity, claimId: string): LiveActivity {
  const afterSeen = markClaimsSeen(activity, [claimId]);
  if (!(claimId in afterSeen.newCommentCounts)) return afterSeen;
  const counts = { ...afterSeen.newCommentCounts };
  delete counts[claimId];
  return { ...afterSeen, newCommentCounts: counts };
}

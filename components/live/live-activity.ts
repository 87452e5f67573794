import type { ClaimView } from "@/lib/claims/schema";
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

/**
 * The words of the announcements, by their full key in messages/<locale>.json: the page passes its
 * `useTranslations()`, tests a `createTranslator` of either language.
 */
export type LiveActivityTranslator = (
  key: "live.highlightedQuote" | "live.highlightedPassage" | "live.newHighlightCount" | "live.newCommentCount" | "live.deletedCount",
  values: Record<string, string | number>,
) => string;

/** Shortens a quote for a spoken announcement. */
function shortQuote(text: string, max = 60): string {
  const flat = text.replace(/\s+/gu, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * One polite sentence for screen readers about what others changed in a batch, in the interface language, or
 * null when there is nothing worth saying (the reader's own changes, edits). `claims` is the claims list after
 * the batch was applied.
 */
export function describeLiveActivity(
  events: readonly LiveEventView[],
  { currentUserId, claims, t }: { currentUserId: string; claims: readonly ClaimView[]; t: LiveActivityTranslator },
): string | null {
  const byOthers = events.filter((event) => isByOthers(event, currentUserId));
  const createdIds = [...new Set(byOthers.filter((event) => event.type === "claim.created").map((event) => event.claimId))];
  const created = createdIds.map((id) => claims.find((claim) => claim.id === id)).filter((claim) => claim !== undefined);
  const comments = byOthers.filter((event) => event.type === "comment.created").length;
  const deleted = new Set(byOthers.filter((event) => event.type === "claim.deleted").map((event) => event.claimId)).size;

  const sentences: string[] = [];
  if (created.length === 1) {
    const [claim] = created;
    const quote = claim!.target?.selector[0].exact;
    const name = claim!.author.name;
    sentences.push(quote ? t("live.highlightedQuote", { name, quote: shortQuote(quote) }) : t("live.highlightedPassage", { name }));
  } else if (created.length > 1) {
    sentences.push(t("live.newHighlightCount", { count: created.length }));
  }
  if (comments > 0) sentences.push(t("live.newCommentCount", { count: comments }));
  if (deleted > 0) sentences.push(t("live.deletedCount", { count: deleted }));
  return sentences.length > 0 ? sentences.join(" ") : null;
}

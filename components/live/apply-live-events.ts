import type { QueryClient } from "@tanstack/react-query";

import {
  claimPartQueryKey,
  claimParts,
  claimsQueryKey,
  removeClaims,
  syncCommentCount,
  threadQueryKey,
  upsertClaim,
} from "@/components/claims/claims-cache";
import { notificationsQueryKey } from "@/components/notifications/notifications-query";
import { teamTagsQueryKey } from "@/components/tags/use-team-tags";
import { ApiError } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";
import type { LiveEventView } from "@/lib/realtime/schema";
import type { CommentView } from "@/lib/threads/schema";

/** More changed claims than this in one batch (a reconnect after a long while): refetch the list once instead. */
export const maxClaimFetchesPerBatch = 10;

/** What the page must do to show a batch of changes: which claims to re-read, drop, which threads to refresh. */
export type LivePlan = {
  /** Re-read each through GET /api/claims/{id}: 200 replaces it in the list, 404 drops it. */
  refetchClaimIds: string[];
  /** Deleted: drop from the list, with their threads. */
  removeClaimIds: string[];
  /** Threads whose comments changed: refetch them if they are open. */
  invalidateThreadClaimIds: string[];
  /** Threads that already hold their new comment: set the claim's comment count from the thread, read nothing. */
  syncCommentCountClaimIds: string[];
  /** Re-read the whole claims list (tag changes touch every claim's tags; or too many claims changed). */
  refetchClaimList: boolean;
  /** Re-read the team's tags. */
  refreshTags: boolean;
  /** Re-read the bell's notifications (someone mentioned the viewer). */
  refreshNotifications: boolean;
  /**
   * A new version of the document was saved: its text changed and every claim was re-anchored on it. The claims
   * list is re-read (`refetchClaimList`); the page reloads the article itself (document-workspace.tsx).
   */
  reloadDocument: boolean;
};

/** What the page holds already: a creation whose result is in the cache needs no read (say, the page's own). */
export type CachedObjects = {
  hasClaim: (claimId: string) => boolean;
  hasComment: (claimId: string, commentId: string) => boolean;
};

const nothingCached: CachedObjects = { hasClaim: () => false, hasComment: () => false };

/** Whether a batch holds a new version of this document (`document.versioned`). */
export function hasNewDocumentVersion(events: readonly LiveEventView[], documentId: string): boolean {
  return events.some((event) => event.type === "document.versioned" && event.documentId === documentId);
}

/**
 * Turns a batch of changes, in stream order, into what to fetch. Pure. A claim changed several times is read
 * once (after the batch arrived, so it reflects at least the last change); a claim deleted in the batch is not
 * read at all. A creation whose object `cached` holds already is skipped: the cache has it as created or later
 * (the page's own answer, or a read after the fact), and any later change has an event of its own. Changes to
 * other documents are ignored (the server does not send them; this is a safeguard).
 */
export function planLiveEvents(events: readonly LiveEventView[], documentId: string, cached: CachedObjects = nothingCached): LivePlan {
  const claimActions = new Map<string, "refetch" | "remove">();
  const threads = new Set<string>();
  const countsToSync = new Set<string>();
  let refetchClaimList = false;
  let refreshTags = false;
  let refreshNotifications = false;
  const reloadDocument = hasNewDocumentVersion(events, documentId);
  for (const event of events) {
    if (event.type === "notification.created") {
      refreshNotifications = true;
      continue;
    }
    if (event.type.startsWith("tag.")) {
      refetchClaimList = true;
      refreshTags = true;
      continue;
    }
    if (event.documentId !== documentId || !event.claimId) continue;
    const claimId = event.claimId;
    if (event.type === "claim.deleted") {
      claimActions.set(claimId, "remove");
      threads.delete(claimId);
      continue;
    }
    if (claimActions.get(claimId) === "remove") continue;
    if (event.type === "claim.created" && cached.hasClaim(claimId)) continue;
    if (event.type === "comment.created" && event.commentId && cached.hasComment(claimId, event.commentId)) {
      countsToSync.add(claimId);
      continue;
    }
    claimActions.set(claimId, "refetch");
    if (event.type.startsWith("comment.")) threads.add(claimId);
  }
  const refetchClaimIds = [...claimActions].filter(([, action]) => action === "refetch").map(([claimId]) => claimId);
  const removeClaimIds = [...claimActions].filter(([, action]) => action === "remove").map(([claimId]) => claimId);
  // A new version moves every claim: one read of the list instead of one per claim.
  if (refetchClaimIds.length > maxClaimFetchesPerBatch || reloadDocument) refetchClaimList = true;
  return {
    refetchClaimIds: refetchClaimList ? [] : refetchClaimIds,
    removeClaimIds,
    invalidateThreadClaimIds: [...threads],
    syncCommentCountClaimIds: [...countsToSync].filter((claimId) => !claimActions.has(claimId)),
    refetchClaimList,
    refreshTags,
    refreshNotifications,
    reloadDocument,
  };
}

export type LiveApplyContext = {
  queryClient: QueryClient;
  documentId: string;
  teamId: string;
  /** GET /api/claims/{id}, which authorises the read again: a claim this viewer may not see is a 404. */
  fetchClaim: (claimId: string) => Promise<ClaimView>;
};

/**
 * Brings the query cache up to date with a batch of changes: reads each changed claim through the JSON API and
 * puts the answer in the claims list (or drops it on 404), refreshes changed threads and, for tag changes, the
 * claims list and the team's tags, and the notification bell when a notification arrived. Resolves when the cache shows the batch.
 */
export async function applyLiveEvents(events: readonly LiveEventView[], context: LiveApplyContext): Promise<void> {
  const { queryClient, documentId, teamId, fetchClaim } = context;
  const claimsKey = claimsQueryKey(documentId);
  const plan = planLiveEvents(events, documentId, {
    hasClaim: (claimId) => queryClient.getQueryData<ClaimView[]>(claimsKey)?.some((claim) => claim.id === claimId) ?? false,
    hasComment: (claimId, commentId) =>
      queryClient.getQueryData<CommentView[]>(threadQueryKey(claimId))?.some((comment) => comment.id === commentId) ?? false,
  });
  for (const claimId of plan.syncCommentCountClaimIds) syncCommentCount(queryClient, documentId, claimId);
  const work: Promise<unknown>[] = [];

  const removed = new Set(plan.removeClaimIds);
  if (removed.size > 0) {
    queryClient.setQueryData<ClaimView[]>(claimsKey, (claims) => (claims ? removeClaims(claims, removed) : claims));
    for (const claimId of removed) queryClient.removeQueries({ queryKey: threadQueryKey(claimId) });
  }
  for (const claimId of plan.invalidateThreadClaimIds) work.push(queryClient.invalidateQueries({ queryKey: threadQueryKey(claimId) }));
  // The claim's evidence, verdict and history, where a panel shows them (only open queries read again).
  for (const claimId of plan.refetchClaimIds) {
    for (const part of claimParts) work.push(queryClient.invalidateQueries({ queryKey: claimPartQueryKey(claimId, part) }));
  }
  if (plan.refreshTags) work.push(queryClient.invalidateQueries({ queryKey: teamTagsQueryKey(teamId) }));
  if (plan.refreshNotifications) work.push(queryClient.invalidateQueries({ queryKey: notificationsQueryKey }));

  let isListStale = plan.refetchClaimList;
  const answers = await Promise.allSettled(plan.refetchClaimIds.map((claimId) => fetchClaim(claimId)));
  answers.forEach((answer, index) => {
    const claimId = plan.refetchClaimIds[index]!;
    if (answer.status === "fulfilled" && answer.value.documentId === documentId) {
      queryClient.setQueryData<ClaimView[]>(claimsKey, (claims) => (claims ? upsertClaim(claims, answer.value) : claims));
    } else if (answer.status === "fulfilled" || (answer.reason instanceof ApiError && answer.reason.status === 404)) {
      // Gone, or no longer visible to this viewer (made private, hidden thread…): the API's answer is the truth.
      queryClient.setQueryData<ClaimView[]>(claimsKey, (claims) => (claims ? removeClaims(claims, new Set([claimId])) : claims));
    } else {
      // A network or server error: fall back to reading the whole list, which retries on its own.
      console.error(`[live] could not read claim ${claimId}`, answer.reason);
      isListStale = true;
    }
  });
  // A list read that started before these changes would overwrite them with older data when it lands; starting
  // it again (invalidation cancels the one in flight) makes the last word the freshest.
  if (isListStale || queryClient.isFetching({ queryKey: claimsKey }) > 0) {
    work.push(queryClient.invalidateQueries({ queryKey: claimsKey }));
  }
  await Promise.all(work);
}

/**
 * `reset` from the server (too much was missed to replay): everything this page shows may be out of date.
 * Refetches the document's claims, every open thread and the team's tags.
 */
export async function refetchLiveDocument(context: Omit<LiveApplyContext, "fetchClaim">): Promise<void> {
  const { queryClient, documentId, teamId } = context;
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: claimsQueryKey(documentId) }),
    queryClient.invalidateQueries({ queryKey: ["claims"] }),
    queryClient.invalidateQueries({ queryKey: teamTagsQueryKey(teamId) }),
  ]);
}

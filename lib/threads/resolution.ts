import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { unsafeRecordClaimHistory } from "@/lib/checks/history";
import { getClaimAbilities } from "@/lib/claims/policy";
import type { ClaimView } from "@/lib/claims/schema";
import { getClaimForActor } from "@/lib/claims/service";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getClaimEventAudience } from "@/lib/realtime/policy";
import type { SetThreadResolvedInput, ThreadResolutionView } from "@/lib/threads/schema";
import { canReadThread, getThreadAccess, type ThreadClaim } from "@/lib/threads/thread-access";

/**
 * Records that a claim's discussion was resolved or reopened, inside the change's transaction: a line of the
 * claim's history, and `claim.updated` for everyone who can read the claim (the resolution travels on the claim:
 * `threadResolvedAt`).
 */
async function recordResolutionChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  claim: ThreadClaim,
  field: "thread.resolved" | "thread.reopened",
): Promise<void> {
  await unsafeRecordClaimHistory(tx, [{ claimId: claim.id, actorId: actor.userId, field }]);
  await unsafeAppendLiveEvent(tx, {
    teamId: claim.teamId,
    documentId: claim.documentId,
    type: "claim.updated",
    claimId: claim.id,
    actorId: actor.userId,
    audience: getClaimEventAudience(claim),
  });
}

/**
 * Resolves (`resolved: true`) or reopens a claim's discussion. Its author or assignee may (members), moderators and
 * owners may on any claim (`canResolveThread`, lib/claims/policy.ts); others get 403, and a claim the actor cannot
 * read 404. Idempotent: resolving a resolved thread (or reopening an open one) changes nothing, records nothing
 * and answers the claim as it is. Otherwise one transaction sets or clears `thread_resolved_at`/`_by_id`, writes
 * the history line and the live event. A resolved thread stays open to comments; a new comment reopens it
 * (`unsafeReopenThreadOnComment`).
 */
export async function setThreadResolved(actor: Actor, claimId: string, input: SetThreadResolvedInput): Promise<ClaimView> {
  const { role, claim } = await getThreadAccess(actor, claimId);
  if (!getClaimAbilities(role, actor.userId, claim).canResolveThread) {
    throw new AppError("forbidden", input.resolved ? "errors.threads.cannotResolve" : "errors.threads.cannotReopen");
  }
  await getDb().$transaction(async (tx) => {
    // Conditional on the current state: of two people resolving at once, one records it, and the other's request
    // is the no-op it would have been a moment later.
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, threadResolvedAt: input.resolved ? null : { not: null } },
      data: input.resolved ? { threadResolvedAt: new Date(), threadResolvedById: actor.userId } : { threadResolvedAt: null, threadResolvedById: null },
    });
    if (count === 0) return;
    await recordResolutionChange(tx, actor, claim, input.resolved ? "thread.resolved" : "thread.reopened");
  });
  return getClaimForActor(actor, claimId);
}

/**
 * A comment on a resolved discussion reopens it, whoever writes it (as Google Docs does): a new question about a
 * settled claim should not stay folded away. Call it inside the comment's transaction, after the comment's own
 * event. It asks the row, not `claim` as read before the transaction, so a thread resolved meanwhile is reopened
 * too. `unsafe`: it authorises nothing; `createComment` has authorised the comment.
 */
export async function unsafeReopenThreadOnComment(tx: Prisma.TransactionClient, actor: Actor, claim: ThreadClaim): Promise<void> {
  const { count } = await tx.claim.updateMany({
    where: { id: claim.id, threadResolvedAt: { not: null } },
    data: { threadResolvedAt: null, threadResolvedById: null },
  });
  if (count > 0) await recordResolutionChange(tx, actor, claim, "thread.reopened");
}

/**
 * Whether a claim's discussion is resolved, when, and by whom: for the collapsed thread's "Resolved by … on …".
 * 404 for a claim the actor cannot read, and for a hidden claim's discussion unless they moderate it.
 */
export async function getThreadResolution(actor: Actor, claimId: string): Promise<ThreadResolutionView> {
  const { role, claim } = await getThreadAccess(actor, claimId);
  if (!canReadThread(claim, role)) throw notFound("errors.threads.discussionHidden");
  if (claim.threadResolvedAt === null) return { resolved: false, resolvedAt: null, resolvedBy: null };
  // By id, from a claim the actor may read: the name of whoever resolved it, a member or a former one.
  const resolvedBy = claim.threadResolvedById
    ? await getDb().user.findUnique({ where: { id: claim.threadResolvedById }, select: { id: true, name: true } })
    : null;
  return { resolved: true, resolvedAt: claim.threadResolvedAt.toISOString(), resolvedBy };
}

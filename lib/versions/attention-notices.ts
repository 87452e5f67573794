import "server-only";

import type { Actor } from "@/lib/auth/actor";
import { unsafeRecordClaimHistory, type ClaimHistoryInput } from "@/lib/checks/history";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toExcerpt } from "@/lib/notifications/schema";
import { unsafeNotify } from "@/lib/notifications/service";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getNotificationEventAudience } from "@/lib/realtime/policy";
import type { ClaimReanchoring } from "@/lib/versions/reanchor";

/** Claims a new version put in need of a person: newly changed (or changed again) or newly orphaned. */
function needsAttention(result: ClaimReanchoring): boolean {
  if (result.state === "ORPHANED") return result.previousState !== "ORPHANED";
  if (result.state === "CHANGED") return !result.keepDismissal;
  return false;
}

/**
 * A history line for each claim the version changed or orphaned ("anchor.changed" from the quote it had to the
 * text it now sits on; "anchor.orphaned" with the quote it lost), in the version's transaction.
 */
export async function unsafeRecordReanchoringHistory(
  tx: Prisma.TransactionClient,
  actor: Actor,
  version: number,
  results: readonly ClaimReanchoring[],
): Promise<void> {
  const entries: ClaimHistoryInput[] = results.filter(needsAttention).map((result) => ({
    claimId: result.id,
    actorId: actor.userId,
    field: result.state === "ORPHANED" ? "anchor.orphaned" : "anchor.changed",
    from: { quote: result.previousQuote },
    to: result.state === "ORPHANED" ? { version } : { quote: result.selectors.quote.exact, version },
  }));
  await unsafeRecordClaimHistory(tx, entries);
}

/**
 * Tells each author whose claims the version changed or orphaned (other than the one who saved it): one
 * `claims.needAttention` notification per author with the counts and the first claim, and a
 * `notification.created` live event for that author alone.
 */
export async function unsafeNotifyClaimsNeedAttention(
  tx: Prisma.TransactionClient,
  actor: Actor,
  document: { id: string; teamId: string; title: string },
  version: number,
  results: readonly ClaimReanchoring[],
): Promise<void> {
  const byAuthor = new Map<string, ClaimReanchoring[]>();
  for (const result of results.filter(needsAttention)) {
    if (result.authorId === actor.userId) continue;
    byAuthor.set(result.authorId, [...(byAuthor.get(result.authorId) ?? []), result]);
  }
  for (const [authorId, claims] of byAuthor) {
    const first = claims[0]!;
    await unsafeNotify(tx, {
      userId: authorId,
      teamId: document.teamId,
      kind: "claims.needAttention",
      payload: {
        editorName: actor.name,
        documentId: document.id,
        documentTitle: document.title,
        claimId: first.id,
        excerpt: toExcerpt(first.previousQuote),
        version,
        changed: claims.filter((claim) => claim.state === "CHANGED").length,
        orphaned: claims.filter((claim) => claim.state === "ORPHANED").length,
      },
    });
    await unsafeAppendLiveEvent(tx, {
      teamId: document.teamId,
      documentId: null,
      type: "notification.created",
      claimId: first.id,
      actorId: actor.userId,
      audience: getNotificationEventAudience(authorId),
    });
  }
}

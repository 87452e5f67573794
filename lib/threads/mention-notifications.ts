import "server-only";

import { canReadClaim } from "@/lib/access/rules";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toExcerpt } from "@/lib/notifications/schema";
import { unsafeNotify } from "@/lib/notifications/service";
import { unsafeAppendLiveEvent } from "@/lib/realtime/event-log";
import { getNotificationEventAudience } from "@/lib/realtime/policy";
import { findMentionedUserIds } from "@/lib/threads/mentions";
import { canReadThread, type ThreadClaim } from "@/lib/threads/thread-access";

type MentionedComment = { id: string; body: string };

/**
 * Of the ids a comment's request says it mentions, those to notify: members of the claim's team (anyone else is
 * ignored, without an error: the request cannot learn who is in another team), who may read the claim and its
 * discussion (a private claim's thread reaches only its author; a hidden claim's only moderators and owners),
 * other than the commenter, and whose `@Name` really is in the body (lib/threads/mentions.ts).
 */
async function findMentionRecipients(
  tx: Prisma.TransactionClient,
  actor: Actor,
  claim: ThreadClaim,
  body: string,
  mentionIds: readonly string[],
): Promise<{ userId: string; name: string }[]> {
  const ids = [...new Set(mentionIds)].filter((id) => id !== actor.userId);
  if (ids.length === 0) return [];
  const memberships = await tx.membership.findMany({
    where: { teamId: claim.teamId, userId: { in: ids } },
    select: { role: true, user: { select: { id: true, name: true } } },
  });
  const readers = memberships
    .filter(({ user, role }) => canReadClaim({ userId: user.id }, claim) && canReadThread(claim, role))
    .map(({ user }) => ({ userId: user.id, name: user.name }));
  const mentioned = new Set(findMentionedUserIds(body, readers));
  return readers.filter((reader) => mentioned.has(reader.userId));
}

/**
 * Notifies the members a new comment mentions (see `findMentionRecipients`), inside the comment's transaction:
 * a `comment.mentioned` notification each (the commenter's name, the document, the claim, the comment's opening)
 * and a `notification.created` live event that reaches that member alone, on whichever of the team's documents
 * they have open (the event names no document), so their bell updates at once. Returns whom it notified.
 * `unsafe`: `createComment` has authorised the comment.
 */
export async function unsafeNotifyMentions(
  tx: Prisma.TransactionClient,
  actor: Actor,
  claim: ThreadClaim,
  comment: MentionedComment,
  mentionIds: readonly string[],
): Promise<string[]> {
  const recipients = await findMentionRecipients(tx, actor, claim, comment.body, mentionIds);
  for (const recipient of recipients) {
    await unsafeNotify(tx, {
      userId: recipient.userId,
      teamId: claim.teamId,
      kind: "comment.mentioned",
      payload: {
        commenterName: actor.name,
        documentId: claim.documentId,
        documentTitle: claim.document.title,
        claimId: claim.id,
        commentId: comment.id,
        excerpt: toExcerpt(comment.body),
      },
    });
  }
  for (const recipient of recipients) {
    await unsafeAppendLiveEvent(tx, {
      teamId: claim.teamId,
      documentId: null,
      type: "notification.created",
      claimId: claim.id,
      commentId: comment.id,
      actorId: actor.userId,
      audience: getNotificationEventAudience(recipient.userId),
    });
  }
  return recipients.map((recipient) => recipient.userId);
}

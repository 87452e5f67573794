import "server-only";

import { memberJoinSql, type AccessSubject } from "@/lib/access/rules";
import { getPool } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import type { MessageInput } from "@/lib/i18n/localized-message";
import { isId } from "@/lib/ids";
import { canReceiveLiveEvent, type LiveAudienceName } from "@/lib/realtime/policy";

/**
 * Whether `claimId` names a claim that was deleted and that the actor, as they are now, was told about: a
 * member of its team who received (or could have received) its `claim.deleted` live event. Claims are deleted
 * outright; the live event log keeps that event (with the claim's and team's ids, no content) for its
 * retention period (lib/realtime/event-log.ts: 30 days), and nothing else remembers the claim. Someone else's
 * private claim was never theirs to know about: false, as for an id that never existed.
 */
export async function wasClaimDeletedForActor(actor: AccessSubject, claimId: string): Promise<boolean> {
  if (!isId(claimId)) return false;
  // Only the actor's teams are searched: the join walks each team's part of the log (its primary key), not
  // the whole log; this runs only when a claim was not found.
  const { rows } = await getPool().query<{ audience: LiveAudienceName; audienceUserId: string | null; role: Role }>({
    name: "deleted-claim-event",
    text: `SELECT e.audience::text AS audience, e.audience_user_id AS "audienceUserId", m.role::text AS role
           FROM live_events e ${memberJoinSql("e.team_id", "$2")}
           WHERE e.claim_id = $1 AND e.type = 'claim.deleted'
           LIMIT 1`,
    values: [claimId, actor.userId],
  });
  const event = rows[0];
  return event !== undefined && canReceiveLiveEvent(event, { userId: actor.userId, role: event.role });
}

/**
 * The error for a claim the actor's request did not find: a 409 with `deleted` when it was deleted and the actor
 * knew it (`wasClaimDeletedForActor`: the change they asked for can no longer be made), else the 404 every
 * missing or foreign id gets, with `missing`.
 */
export async function claimGoneError(
  actor: AccessSubject,
  claimId: string,
  messages: { deleted: MessageInput; missing: MessageInput },
): Promise<AppError> {
  return (await wasClaimDeletedForActor(actor, claimId)) ? new AppError("conflict", messages.deleted) : notFound(messages.missing);
}

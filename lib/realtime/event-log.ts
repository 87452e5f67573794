import "server-only";

import { getPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LiveAudience } from "@/lib/realtime/policy";
import type { LiveEventType, LiveEventView } from "@/lib/realtime/schema";

/** The NOTIFY channel that wakes every app instance: the payload is `<teamId>:<seq>`, ids only. */
export const liveEventChannel = "margin_live";

export type LiveEventInput = {
  teamId: string;
  /** Null for team-wide changes (tags). */
  documentId: string | null;
  type: LiveEventType;
  claimId?: string | null;
  commentId?: string | null;
  tagId?: string | null;
  actorId: string;
  audience: LiveAudience;
};

/** An event read back from the log: what travels to clients, plus who may receive it (never sent). */
export type LiveEventRecord = LiveEventView & { teamId: string } & LiveAudience;

type LiveEventSqlValues = Record<
  "teamId" | "documentId" | "type" | "claimId" | "commentId" | "tagId" | "actorId" | "audience" | "audienceUserId",
  string
> & {
  /** A CTE that must have returned a row for the event to be appended (e.g. the insert it describes). */
  onlyIf?: string;
};

/**
 * The common table expressions that append one event, given an SQL expression for each value (a parameter such
 * as `$1::uuid`, or a column of an earlier CTE), for use inside a larger statement. `next` takes the team's next
 * sequence number: the upsert locks the team's counter row until commit, so a team's events commit in sequence
 * order. `appended` inserts the event and returns `seq`. Select `pg_notify` over `appended` to wake the other
 * instances: PostgreSQL delivers the NOTIFY only if and when the transaction commits.
 */
export function liveEventCtes(values: LiveEventSqlValues): string {
  return `next_live_seq AS (
    INSERT INTO live_event_streams AS stream (team_id, last_seq)
    ${values.onlyIf ? `SELECT ${values.teamId}, 1 WHERE EXISTS (SELECT 1 FROM ${values.onlyIf})` : `VALUES (${values.teamId}, 1)`}
    ON CONFLICT (team_id) DO UPDATE SET last_seq = stream.last_seq + 1
    RETURNING last_seq
  ), appended_live_event AS (
    INSERT INTO live_events (team_id, seq, document_id, type, claim_id, comment_id, tag_id, actor_id, audience, audience_user_id)
    SELECT ${values.teamId}, next_live_seq.last_seq, ${values.documentId}, ${values.type}, ${values.claimId}, ${values.commentId},
           ${values.tagId}, ${values.actorId}, ${values.audience}, ${values.audienceUserId}
    FROM next_live_seq
    RETURNING team_id, seq
  )`;
}

/**
 * The select over `appended_live_event` that queues the NOTIFY (ids only) and returns the sequence number.
 * pg_notify returns `void`, which Prisma's raw queries cannot read: hence the cast to text.
 */
export const notifyAppendedLiveEventSql = `SELECT seq::int8 AS seq, pg_notify('${liveEventChannel}', team_id::text || ':' || seq::text)::text AS notified
  FROM appended_live_event`;

const appendLiveEventSql = `WITH ${liveEventCtes({
  teamId: "$1::uuid",
  documentId: "$2::uuid",
  type: "$3::text",
  claimId: "$4::uuid",
  commentId: "$5::uuid",
  tagId: "$6::uuid",
  actorId: "$7::uuid",
  audience: '$8::"LiveAudience"',
  audienceUserId: "$9::uuid",
})} ${notifyAppendedLiveEventSql}`;

/**
 * Appends a live event inside the caller's transaction, so the event and the change it describes commit or roll
 * back together. Call it last in the transaction: the team's counter row stays locked until commit.
 * `unsafe`: it authorises nothing; only services that already authorised the change call it.
 */
export async function unsafeAppendLiveEvent(tx: Prisma.TransactionClient, event: LiveEventInput): Promise<number> {
  const rows = await tx.$queryRawUnsafe<Array<{ seq: bigint }>>(
    appendLiveEventSql,
    event.teamId,
    event.documentId,
    event.type,
    event.claimId ?? null,
    event.commentId ?? null,
    event.tagId ?? null,
    event.actorId,
    event.audience.audience,
    event.audience.audienceUserId,
  );
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error("Appending a live event returned no sequence number");
  return Number(seq);
}

type LiveEventRow = {
  teamId: string;
  seq: string;
  documentId: string | null;
  type: LiveEventType;
  claimId: string | null;
  commentId: string | null;
  tagId: string | null;
  actorId: string | null;
  audience: LiveAudience["audience"];
  audienceUserId: string | null;
  at: string;
};

/**
 * A team's events after `afterSeq`, in order, at most `limit`. `unsafe`: it authorises nothing; the stream
 * filters each event for its receiver (lib/realtime/policy.ts) before sending it.
 */
export async function unsafeReadLiveEvents(teamId: string, afterSeq: number, limit: number): Promise<LiveEventRecord[]> {
  const { rows } = await getPool().query<LiveEventRow>({
    name: "read-live-events",
    text: `SELECT team_id AS "teamId", seq::text AS seq, document_id AS "documentId", type, claim_id AS "claimId",
                  comment_id AS "commentId", tag_id AS "tagId", actor_id AS "actorId", audience::text AS audience,
                  audience_user_id AS "audienceUserId",
                  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
           FROM live_events WHERE team_id = $1 AND seq > $2
           -- Qualified: a bare \`seq\` here would name the text output column and sort 1, 10, 11 … 19, 2, 20.
           ORDER BY live_events.seq LIMIT $3`,
    values: [teamId, afterSeq, limit],
  });
  return rows.map((row) => ({ ...row, seq: Number(row.seq) }));
}

/** The last sequence number of each of these teams (0 for a team without events). `unsafe`: ids only. */
export async function unsafeGetLiveHeads(teamIds: string[]): Promise<Map<string, number>> {
  const { rows } = await getPool().query<{ teamId: string; lastSeq: string }>({
    name: "read-live-heads",
    text: `SELECT team_id AS "teamId", last_seq::text AS "lastSeq" FROM live_event_streams WHERE team_id = ANY($1::uuid[])`,
    values: [teamIds],
  });
  const heads = new Map(teamIds.map((teamId) => [teamId, 0]));
  for (const row of rows) heads.set(row.teamId, Number(row.lastSeq));
  return heads;
}

/** How long the log keeps events. A client away for longer gets `reset` (refetch everything) instead of a replay. */
export const liveEventRetentionDays = 30;

/** Deletes events older than the retention period. `unsafe`: housekeeping, run by every instance now and then. */
export async function unsafePruneLiveEvents(): Promise<number> {
  const { rowCount } = await getPool().query({
    name: "prune-live-events",
    text: `DELETE FROM live_events WHERE created_at < now() - make_interval(days => $1)`,
    values: [liveEventRetentionDays],
  });
  return rowCount ?? 0;
}

import "server-only";

import { getPool } from "@/lib/db";
import { liveTiming, type LivePresence } from "@/lib/realtime/schema";

/** The NOTIFY channel for presence: the payload is the id of the document whose viewers changed. */
export const presenceChannel = "margin_presence";

/**
 * Records an open stream of a document and wakes every instance to re-broadcast its viewers. `unsafe`: the
 * caller (lib/realtime/hub.ts) has authorised the stream.
 */
export async function unsafeAddViewer(connectionId: string, documentId: string, userId: string): Promise<void> {
  await getPool().query({
    name: "presence-add",
    text: `WITH added AS (
             INSERT INTO document_viewers (connection_id, document_id, user_id) VALUES ($1, $2, $3)
             ON CONFLICT (connection_id) DO UPDATE SET last_seen_at = now()
             RETURNING document_id
           )
           SELECT pg_notify('${presenceChannel}', document_id::text) FROM added`,
    values: [connectionId, documentId, userId],
  });
}

/** Removes a closed stream and wakes every instance to re-broadcast the document's viewers. */
export async function unsafeRemoveViewer(connectionId: string): Promise<void> {
  await getPool().query({
    name: "presence-remove",
    text: `WITH removed AS (DELETE FROM document_viewers WHERE connection_id = $1 RETURNING document_id)
           SELECT pg_notify('${presenceChannel}', document_id::text) FROM removed`,
    values: [connectionId],
  });
}

/** Marks these streams as still open (rows not refreshed for `presenceExpiryMs` count as gone). */
export async function unsafeTouchViewers(connectionIds: string[]): Promise<void> {
  if (connectionIds.length === 0) return;
  await getPool().query({
    name: "presence-touch",
    text: `UPDATE document_viewers SET last_seen_at = now() WHERE connection_id = ANY($1::uuid[])`,
    values: [connectionIds],
  });
}

/**
 * Who is viewing a document now: one entry per person, by name, from every instance's fresh rows (rows of an
 * instance that died stop being refreshed and drop out after `presenceExpiryMs`).
 * `unsafe`: only streams of the document's team call it, and they may see its members.
 */
export async function unsafeListViewers(documentId: string): Promise<LivePresence["viewers"]> {
  const expiry = `${liveTiming.presenceExpiryMs} milliseconds`;
  const { rows } = await getPool().query<{ userId: string; name: string }>({
    name: "presence-list",
    text: `SELECT DISTINCT u.id AS "userId", u.name
           FROM document_viewers v JOIN users u ON u.id = v.user_id
           WHERE v.document_id = $1 AND v.last_seen_at > now() - $2::interval
           ORDER BY u.name, u.id`,
    values: [documentId, expiry],
  });
  return rows;
}

/** Deletes presence rows nobody has refreshed for a long while (streams of an instance that died). */
export async function unsafeDeleteStaleViewers(): Promise<void> {
  await getPool().query({
    name: "presence-prune",
    text: `DELETE FROM document_viewers WHERE last_seen_at < now() - $1::interval`,
    values: [`${liveTiming.presenceExpiryMs * 10} milliseconds`],
  });
}

import "server-only";

import { randomUUID } from "node:crypto";

import { getDocumentAccess } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { unsafeGetLiveHeads } from "@/lib/realtime/event-log";
import { getLiveHub, liveStreamLimits } from "@/lib/realtime/hub";
import type { StreamSink } from "@/lib/realtime/live-stream";

/** How far behind (in unread messages) a stream's client may fall before it is dropped; it reconnects and replays. */
export const maxQueuedLiveMessages = liveStreamLimits.maxQueuedMessages;

/**
 * Opens the live stream of a document for a member of its team (anyone else: the same 404 as a missing
 * document), writing its messages to `sink`: first every change after `afterSeq` the member may see, then
 * changes and presence as they happen, until the client leaves (`close`) or loses access (the sink is ended).
 * With no `afterSeq` it starts from now. See docs/live.md for the messages.
 */
export async function openDocumentStream(
  actor: Actor,
  documentId: string,
  afterSeq: number | null,
  sink: StreamSink,
): Promise<{ close: () => void }> {
  const access = await getDocumentAccess(actor, documentId);
  const grant = { connectionId: randomUUID(), sessionId: actor.sessionId, userId: actor.userId, teamId: access.teamId, documentId };
  return getLiveHub().open(grant, access.role, afterSeq, sink);
}

/**
 * The team's current live sequence number for a document the actor may read: a page renders its data, then
 * its stream starts after this number, so nothing that happens in between is missed.
 */
export async function getDocumentLiveSeq(actor: Actor, documentId: string): Promise<number> {
  const access = await getDocumentAccess(actor, documentId);
  return (await unsafeGetLiveHeads([access.teamId])).get(access.teamId) ?? 0;
}

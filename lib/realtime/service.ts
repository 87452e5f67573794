import "server-only";

import { randomUUID } from "node:crypto";

import { getDocumentAccess } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { unsafeGetLiveHeads } from "@/lib/realtime/event-log";
import { getLiveHub, liveStreamLimits } from "@/lib/realtime/hub";

const encoder = new TextEncoder();

function formatServerSentEvent(event: string, data: string, id?: number): Uint8Array {
  // `data` is JSON on one line (JSON.stringify escapes newlines), so it is one `data:` field.
  return encoder.encode(`${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`);
}

/**
 * Opens the live stream of a document for a member of its team (anyone else: the same 404 as a missing
 * document): a Server-Sent Events response that first replays every change after `afterSeq` the member may
 * see, then delivers changes and presence as they happen, until the client leaves or loses access. With no
 * `afterSeq` it starts from now. See docs/live.md for the messages.
 */
export async function openDocumentStream(actor: Actor, documentId: string, afterSeq: number | null, signal: AbortSignal): Promise<Response> {
  const access = await getDocumentAccess(actor, documentId);

  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let isEnded = false;
  const body = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
    },
    cancel() {
      stop();
    },
  });
  const sink = {
    write(event: string, data: string, id?: number): boolean {
      if (isEnded) return false;
      controller.enqueue(formatServerSentEvent(event, data, id));
      return (controller.desiredSize ?? 0) > -liveStreamLimits.maxQueuedMessages;
    },
    end(): void {
      if (isEnded) return;
      isEnded = true;
      try {
        controller.close();
      } catch {
        // Already closed by the client going away.
      }
    },
  };
  // Flush the headers at once, so the client knows it is connected before the first event.
  controller.enqueue(encoder.encode(": connected\n\n"));
  const grant = { connectionId: randomUUID(), sessionId: actor.sessionId, userId: actor.userId, teamId: access.teamId, documentId };
  const { close } = await getLiveHub().open(grant, access.role, afterSeq, sink);
  function stop() {
    isEnded = true;
    close();
  }
  if (signal.aborted) stop();
  else signal.addEventListener("abort", stop, { once: true });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      // no-transform keeps compression from buffering the stream; X-Accel-Buffering does the same for nginx.
      "Cache-Control": "no-cache, no-store, no-transform",
      // When a stream ends (the hub shuts down on SIGTERM, or revokes it), its connection ends too: a kept-alive
      // socket would hold up the server's graceful exit, and the client reconnects on a fresh one anyway.
      Connection: "close",
      "X-Accel-Buffering": "no",
    },
  });
}

/**
 * The team's current live sequence number for a document the actor may read: a page renders its data, then
 * its stream starts after this number, so nothing that happens in between is missed.
 */
export async function getDocumentLiveSeq(actor: Actor, documentId: string): Promise<number> {
  const access = await getDocumentAccess(actor, documentId);
  return (await unsafeGetLiveHeads([access.teamId])).get(access.teamId) ?? 0;
}

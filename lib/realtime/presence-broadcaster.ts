import "server-only";

import { logLiveFailure, type LiveStream, type SendToStream } from "@/lib/realtime/live-stream";
import { unsafeListViewers } from "@/lib/realtime/presence";

/** Presence changes of one document within this long make one broadcast. */
const presenceDebounceMs = 50;

/**
 * Sends each document's viewers (lib/realtime/presence.ts) to its open streams on this instance, debounced per
 * document. Streams still catching up are skipped; they get presence once they are live.
 */
export class PresenceBroadcaster {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** `streamsByDocument`: the hub's open streams by document (a document without streams has no entry). */
  constructor(
    private readonly streamsByDocument: ReadonlyMap<string, ReadonlySet<LiveStream>>,
    private readonly send: SendToStream,
  ) {}

  /** Sends a document's viewers to its streams here; several changes within 50 ms make one broadcast. */
  schedule(documentId: string): void {
    if (!this.streamsByDocument.has(documentId) || this.timers.has(documentId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(documentId);
      void this.broadcast(documentId);
    }, presenceDebounceMs);
    timer.unref();
    this.timers.set(documentId, timer);
  }

  /** Cancels every broadcast not sent yet (shutdown). */
  cancelAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async broadcast(documentId: string): Promise<void> {
    try {
      const viewers = await unsafeListViewers(documentId);
      const data = JSON.stringify({ viewers });
      for (const stream of this.streamsByDocument.get(documentId) ?? []) {
        if (!stream.isCatchingUp) this.send(stream, "presence", data);
      }
    } catch (error) {
      logLiveFailure("reading viewers failed", error);
    }
  }
}

import "server-only";

/**
 * Server-Sent Events for route handlers: the text/event-stream framing, a response body that a producer writes
 * to through a sink, and the headers that keep proxies from buffering it. What the events mean is the producer's.
 */

/** Where a producer writes events. `write` returns false once the client is not keeping up; `end` ends the response. */
export type ServerSentEventSink = {
  write(event: string, data: string, id?: number): boolean;
  end(): void;
};

/** Opens a producer on a sink; `close` stops it when the client goes away. */
export type OpenServerSentEvents = (sink: ServerSentEventSink) => Promise<{ close: () => void }>;

const encoder = new TextEncoder();

/** One event in the text/event-stream format: an optional `id:`, `event:` and one `data:` line. */
export function formatServerSentEvent(event: string, data: string, id?: number): string {
  // `data` is JSON on one line (JSON.stringify escapes newlines), so it is one `data:` field.
  return `${id === undefined ? "" : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`;
}

/**
 * Answers with a Server-Sent Events stream written by whatever `open` starts. `open` runs before the response
 * exists, so what it throws (not found, rate limited) becomes the caller's ordinary error response. The stream
 * ends when the producer ends the sink; when the client goes away (`signal`, or the body is cancelled) the
 * producer is closed. `write` reports a client more than `maxQueuedMessages` messages behind (unread, queued
 * here), so that the producer can drop it rather than buffer without bound.
 */
export async function respondWithServerSentEvents(
  signal: AbortSignal,
  { maxQueuedMessages }: { maxQueuedMessages: number },
  open: OpenServerSentEvents,
): Promise<Response> {
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
  const sink: ServerSentEventSink = {
    write(event, data, id) {
      if (isEnded) return false;
      controller.enqueue(encoder.encode(formatServerSentEvent(event, data, id)));
      return (controller.desiredSize ?? 0) > -maxQueuedMessages;
    },
    end() {
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
  const { close } = await open(sink);
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
      // When a stream ends (the live hub shuts down on SIGTERM, or revokes it), its connection ends too: a
      // kept-alive socket would hold up the server's graceful exit, and the client reconnects on a fresh one anyway.
      Connection: "close",
      "X-Accel-Buffering": "no",
    },
  });
}

/**
 * A headless Server-Sent Events client: Node's fetch plus `eventsource-parser`, without EventSource's automatic
 * reconnection, so a benchmark sees every end or error of a stream instead of having it papered over.
 */
import { createParser } from "eventsource-parser";

/**
 * Opens `url` as an event stream. `onMessage({ event, id, data }, receivedAt)` runs for every message;
 * `receivedAt` is `clock.now()` when the network chunk carrying it was read (all messages of one chunk share it).
 * Resolves once the response headers arrived with 200; rejects on any other status.
 * Returns { close(), done }: `done` resolves with { reason: "closed" | "ended" | "error", error? }.
 */
export async function openEventStream(url, { headers = {}, clock, onMessage, onParseError = () => {} }) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: controller.signal });
  if (response.status !== 200 || !response.body) {
    const text = await response.text().catch(() => "");
    throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  let receivedAt = 0;
  const parser = createParser({
    onEvent: (message) => onMessage(message, receivedAt),
    onError: (error) => onParseError(error),
  });
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: isDone } = await reader.read();
        if (isDone) return { reason: controller.signal.aborted ? "closed" : "ended" };
        receivedAt = clock.now();
        parser.feed(decoder.decode(value, { stream: true }));
      }
    } catch (error) {
      if (controller.signal.aborted) return { reason: "closed" };
      return { reason: "error", error };
    }
  })();
  return { close: () => controller.abort(), done };
}

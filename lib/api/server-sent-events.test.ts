import { describe, expect, it, vi } from "vitest";

import { formatServerSentEvent, respondWithServerSentEvents, type ServerSentEventSink } from "@/lib/api/server-sent-events";

describe("formatServerSentEvent", () => {
  it.each([
    { name: "an event with an id", event: "change", data: '{"seq":7}', id: 7, expected: 'id: 7\nevent: change\ndata: {"seq":7}\n\n' },
    { name: "an id of 0", event: "change", data: "{}", id: 0, expected: "id: 0\nevent: change\ndata: {}\n\n" },
    { name: "an event without an id", event: "ready", data: '{"seq":0}', id: undefined, expected: 'event: ready\ndata: {"seq":0}\n\n' },
  ])("$name", ({ event, data, id, expected }) => {
    expect(formatServerSentEvent(event, data, id)).toBe(expected);
  });
});

/** Opens a response whose producer is the returned sink; `close` records how often the producer was closed. */
async function openResponse(options: { maxQueuedMessages?: number; signal?: AbortSignal } = {}) {
  let sink!: ServerSentEventSink;
  const close = vi.fn();
  const response = await respondWithServerSentEvents(
    options.signal ?? new AbortController().signal,
    { maxQueuedMessages: options.maxQueuedMessages ?? 100 },
    async (given) => {
      sink = given;
      return { close };
    },
  );
  return { response, sink, close };
}

describe("respondWithServerSentEvents", () => {
  it("answers an unbuffered text/event-stream: a comment at once, then what the producer writes, until it ends", async () => {
    const { response, sink } = await openResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-store, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(sink.write("change", '{"seq":1}', 1)).toBe(true);
    sink.write("ready", '{"seq":1}');
    sink.end();
    expect(await response.text()).toBe(': connected\n\nid: 1\nevent: change\ndata: {"seq":1}\n\nevent: ready\ndata: {"seq":1}\n\n');
  });

  it("writes what the producer wrote before the response was returned (a replay) first", async () => {
    const response = await respondWithServerSentEvents(new AbortController().signal, { maxQueuedMessages: 10 }, async (sink) => {
      sink.write("change", "{}", 1);
      sink.end();
      return { close: () => {} };
    });
    expect(await response.text()).toBe(": connected\n\nid: 1\nevent: change\ndata: {}\n\n");
  });

  it("reports a client more than maxQueuedMessages messages behind, and a caught-up one again", async () => {
    const { response, sink } = await openResponse({ maxQueuedMessages: 3 });
    // The opening comment waits unread too.
    expect([sink.write("a", "{}"), sink.write("b", "{}"), sink.write("c", "{}")]).toEqual([true, true, false]);
    const reader = response.body!.getReader();
    for (let index = 0; index < 4; index += 1) await reader.read();
    expect(sink.write("d", "{}")).toBe(true);
  });

  it("closes the producer once when the request is aborted, and takes no more writes", async () => {
    const abort = new AbortController();
    const { sink, close } = await openResponse({ signal: abort.signal });
    abort.abort();
    expect(close).toHaveBeenCalledTimes(1);
    expect(sink.write("change", "{}")).toBe(false);
  });

  it("closes the producer when the body is cancelled (the client went away), and takes no more writes", async () => {
    const { response, sink, close } = await openResponse();
    await response.body!.cancel();
    expect(close).toHaveBeenCalledTimes(1);
    expect(sink.write("change", "{}")).toBe(false);
  });

  it("closes the producer at once when the request was aborted before it opened", async () => {
    const abort = new AbortController();
    abort.abort();
    const { sink, close } = await openResponse({ signal: abort.signal });
    expect(close).toHaveBeenCalledTimes(1);
    expect(sink.write("change", "{}")).toBe(false);
  });

  it("passes on what opening the producer throws, so the route answers its error instead", async () => {
    const refused = new Error("not found");
    await expect(
      respondWithServerSentEvents(new AbortController().signal, { maxQueuedMessages: 10 }, async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
  });
});

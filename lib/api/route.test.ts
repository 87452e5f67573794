import { describe, expect, it } from "vitest";
import { z } from "zod";

import { isJsonContentType, readJsonBody } from "@/lib/api/route";
import { AppError } from "@/lib/errors";

const schema = z.object({ name: z.string() });

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }): Request {
  // A stream body needs `duplex: "half"` (Node's fetch requires it; TypeScript's RequestInit does not know it yet).
  const duplex = body instanceof ReadableStream ? { duplex: "half" } : {};
  return new Request("http://margin.test/api/teams", { method: "POST", body, headers, ...duplex } as RequestInit);
}

/** The AppError code `promise` rejects with, or "ok". */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    if (error instanceof z.ZodError) return "zod";
    throw error;
  }
}

/** A body that arrives in pieces, without a Content-Length (as a chunked upload does). */
function streamed(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

describe("isJsonContentType", () => {
  it.each([
    { contentType: "application/json", json: true },
    { contentType: "application/json; charset=utf-8", json: true },
    { contentType: "Application/JSON;Charset=UTF-8", json: true },
    { contentType: 'application/json; charset="utf-8"', json: true },
    { contentType: "application/merge-patch+json", json: true },
    { contentType: "application/vnd.api+json", json: true },
    { contentType: "application/json; charset=latin1", json: false },
    { contentType: "application/json; charset=utf-16", json: false },
    { contentType: "text/plain", json: false },
    { contentType: "text/plain;charset=UTF-8", json: false },
    { contentType: "application/x-www-form-urlencoded", json: false },
    { contentType: "multipart/form-data; boundary=x", json: false },
    { contentType: "text/json", json: false },
    { contentType: "application/jsonx", json: false },
    { contentType: "application/+json", json: false },
    { contentType: "", json: false },
    { contentType: null, json: false },
  ])("$contentType → $json", ({ contentType, json }) => {
    expect(isJsonContentType(contentType)).toBe(json);
  });
});

describe("readJsonBody", () => {
  it("parses a JSON object with the schema", async () => {
    await expect(readJsonBody(post(JSON.stringify({ name: "Klas", extra: 1 })), schema)).resolves.toEqual({ name: "Klas" });
  });

  it.each([
    { name: "no Content-Type", request: () => post(new TextEncoder().encode('{"name":"x"}'), {}), code: "unsupported_media_type" },
    { name: "text/plain", request: () => post('{"name":"x"}', { "content-type": "text/plain" }), code: "unsupported_media_type" },
    { name: "a form", request: () => post("name=x", { "content-type": "application/x-www-form-urlencoded" }), code: "unsupported_media_type" },
    { name: "multipart", request: () => post(new FormData(), {}), code: "unsupported_media_type" },
    { name: "an empty body", request: () => post(null), code: "bad_request" },
    { name: "not JSON", request: () => post("{name: x}"), code: "bad_request" },
    { name: "JSON with a trailing comma", request: () => post('{"name":"x",}'), code: "bad_request" },
    { name: "invalid UTF-8 (a lone surrogate encoded as bytes)", request: () => post(new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d])), code: "bad_request" },
    { name: "an array", request: () => post("[1,2]"), code: "zod" },
    { name: "null", request: () => post("null"), code: "zod" },
    { name: "a string", request: () => post('"x"'), code: "zod" },
    { name: "a number too large for a double", request: () => post('{"name":1e400}'), code: "zod" },
  ])("$name → $code", async ({ request, code }) => {
    expect(await outcome(readJsonBody(request(), schema))).toBe(code);
  });

  it("counts the limit in bytes, not UTF-16 code units", async () => {
    // 30,000 "é" are 30,000 code units but 60,000 bytes: over a 40,000-byte limit.
    const body = JSON.stringify({ name: "é".repeat(30_000) });
    expect(body.length).toBeLessThan(40_000);
    expect(await outcome(readJsonBody(post(body), schema, { maxBodyBytes: 40_000 }))).toBe("payload_too_large");
    expect(await outcome(readJsonBody(post(body), schema, { maxBodyBytes: 70_000 }))).toBe("ok");
  });

  it("refuses a body over the limit that declares no length, as soon as it is over", async () => {
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    const request = post(endless);
    expect(await outcome(readJsonBody(request, schema, { maxBodyBytes: 64 * 1024 }))).toBe("payload_too_large");
    expect(pulled).toBeLessThan(10);
  });

  it("a body the client stops sending half-way → 400, not a server error", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name":'));
        controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
      },
    });
    const request = post(broken);
    expect(await outcome(readJsonBody(request, schema))).toBe("bad_request");
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const request = post(JSON.stringify({ name: "x" }), { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) });
    expect(await outcome(readJsonBody(request, schema))).toBe("payload_too_large");
  });

  it("reads a body that arrives in chunks, with a multi-byte character split across two", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ name: "café" }));
    const split = bytes.indexOf(0xc3) + 1; // between the two bytes of "é"
    const request = post(streamed([bytes.slice(0, split), bytes.slice(split)]));
    await expect(readJsonBody(request, schema)).resolves.toEqual({ name: "café" });
  });
});

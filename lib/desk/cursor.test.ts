import { describe, expect, it } from "vitest";

import { decodeDeskCursor, encodeDeskCursor, type DeskCursor } from "@/lib/desk/cursor";

const id = "6f1c2f7e-8a55-4b43-9a0e-3d3f2a1b0c9d";
const createdAt = new Date("2026-12-03T15:50:22.123Z");

describe("desk cursors", () => {
  it.each<DeskCursor>([
    { order: "age", createdAt, id },
    { order: "oldest", createdAt, id },
    { order: "due", dueAt: new Date("2026-12-24T12:00:00.000Z"), createdAt, id },
    { order: "due", dueAt: null, createdAt, id },
    { order: "rank", rank: 0.0607927, createdAt, id },
  ])("$order round-trips", (cursor) => {
    const encoded = encodeDeskCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/u);
    expect(decodeDeskCursor(encoded, cursor.order)).toEqual(cursor);
  });

  it.each([
    { what: "another order's cursor", value: encodeDeskCursor({ order: "age", createdAt, id }), order: "oldest" as const },
    { what: "not base64 JSON", value: "bm90LWpzb24", order: "age" as const },
    { what: "JSON of another shape", value: Buffer.from('{"o":"age"}').toString("base64url"), order: "age" as const },
    { what: "a malformed id", value: Buffer.from(JSON.stringify({ o: "age", c: createdAt.toISOString(), i: "1; DROP" })).toString("base64url"), order: "age" as const },
    { what: "a malformed time", value: Buffer.from(JSON.stringify({ o: "age", c: "yesterday", i: id })).toString("base64url"), order: "age" as const },
  ])("$what is a 422 naming after", ({ value, order }) => {
    expect(() => decodeDeskCursor(value, order)).toThrow(expect.objectContaining({ code: "validation_failed", details: { fields: { after: expect.any(String) } } }));
  });
});

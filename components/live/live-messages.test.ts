import { describe, expect, it } from "vitest";

import { parseLiveMessage } from "@/components/live/live-messages";

const claimId = "0b9f3c2e-8d3a-4f4e-9a53-1f2d3c4b5a69";
const documentId = "5f1a7c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";
const userId = "9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

const change = {
  seq: 12,
  type: "claim.created",
  documentId,
  claimId,
  commentId: null,
  tagId: null,
  actorId: userId,
  at: "2026-11-26T02:03:04.123456+00:00",
};

describe("parseLiveMessage", () => {
  it.each([
    ["change", change, { name: "change", event: change }],
    ["ready", { seq: 12, connectionId: "c1" }, { name: "ready", seq: 12 }],
    ["presence", { viewers: [{ userId, name: "Alice Test" }] }, { name: "presence", viewers: [{ userId, name: "Alice Test" }] }],
    ["presence", { viewers: [] }, { name: "presence", viewers: [] }],
    ["heartbeat", { at: "2026-11-26T02:03:04.123Z" }, { name: "heartbeat" }],
    ["reset", { seq: 0 }, { name: "reset", seq: 0 }],
    ["revoked", { reason: "You no longer have access to this document." }, { name: "revoked", reason: "You no longer have access to this document." }],
  ] as const)("accepts a valid %s message", (name, data, expected) => {
    expect(parseLiveMessage(name, JSON.stringify(data))).toEqual(expected);
  });

  it.each([
    ["change", "not json"],
    ["change", JSON.stringify({ ...change, type: "claim.exploded" })],
    ["change", JSON.stringify({ ...change, seq: -1 })],
    ["change", JSON.stringify({ ...change, seq: 1.5 })],
    ["change", JSON.stringify({ ...change, claimId: "not-a-uuid" })],
    ["change", JSON.stringify({ ...change, at: undefined })],
    ["ready", JSON.stringify({ seq: "12", connectionId: "c1" })],
    ["presence", JSON.stringify({ viewers: [{ userId: "x", name: "Alice" }] })],
    ["presence", JSON.stringify({ viewers: "Alice" })],
    ["reset", JSON.stringify({})],
    ["revoked", JSON.stringify({ reason: 42 })],
    ["revoked", "null"],
  ] as const)("drops a malformed %s message: %s", (name, data) => {
    expect(parseLiveMessage(name, data)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";

import { OwnChanges } from "@/components/live/own-changes";
import type { LiveEventType, LiveEventView } from "@/lib/realtime/schema";

const me = "00000000-0000-4000-8000-0000000000a1";
const someoneElse = "00000000-0000-4000-8000-0000000000b2";
const claimId = "00000000-0000-4000-8000-000000000101";
const otherClaimId = "00000000-0000-4000-8000-000000000102";

let seq = 0;
function event(type: LiveEventType, options: Partial<LiveEventView> = {}): LiveEventView {
  seq += 1;
  return { seq, type, documentId: null, claimId, commentId: null, tagId: null, actorId: me, at: "2026-01-01T00:00:00.000000+00:00", ...options };
}

describe("OwnChanges", () => {
  it("recognises the page's own change once, then no more", () => {
    const changes = new OwnChanges();
    changes.expect({ type: "claim.updated", claimId });
    expect(changes.take(event("claim.updated"), me)).toBe(true);
    expect(changes.take(event("claim.updated"), me)).toBe(false);
  });

  it.each<[string, Partial<LiveEventView>]>([
    ["someone else's change", { actorId: someoneElse }],
    ["a change of another kind", { type: "claim.hidden" }],
    ["a change of another claim", { claimId: otherClaimId }],
    ["a change of another comment", { commentId: "00000000-0000-4000-8000-0000000002c9" }],
  ])("does not take %s", (_name, options) => {
    const changes = new OwnChanges();
    changes.expect({ type: "claim.updated", claimId });
    expect(changes.take(event("claim.updated", options), me)).toBe(false);
    // The expectation is still there for the real one.
    expect(changes.take(event("claim.updated"), me)).toBe(true);
  });

  it("counts expectations: two retags in a row are two events", () => {
    const changes = new OwnChanges();
    changes.expect({ type: "claim.updated", claimId });
    changes.expect({ type: "claim.updated", claimId });
    expect([changes.take(event("claim.updated"), me), changes.take(event("claim.updated"), me), changes.take(event("claim.updated"), me)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("forgets a withdrawn expectation (the request failed), once", () => {
    const changes = new OwnChanges();
    const withdraw = changes.expect({ type: "comment.deleted", claimId, commentId: "c" });
    changes.expect({ type: "comment.deleted", claimId, commentId: "c" });
    withdraw();
    withdraw();
    expect(changes.take(event("comment.deleted", { commentId: "c" }), me)).toBe(true);
    expect(changes.take(event("comment.deleted", { commentId: "c" }), me)).toBe(false);
  });

  it("forgets an expectation whose event never came, so it cannot swallow a later change", () => {
    let now = 0;
    const changes = new OwnChanges(() => now);
    changes.expect({ type: "claim.hidden", claimId });
    now += 30_001;
    expect(changes.take(event("claim.hidden"), me)).toBe(false);
  });

  it("lets the stream wait for creations under way, and only for those", async () => {
    const changes = new OwnChanges();
    const settleFirst = changes.beginCreation();
    const settleSecond = changes.beginCreation();
    let isSettled = false;
    const waiting = changes.creationsSettled().then(() => (isSettled = true));
    settleFirst();
    await Promise.resolve();
    expect(isSettled).toBe(false);
    // A creation begun after the wait started is not waited for; settling twice is harmless.
    changes.beginCreation();
    settleSecond();
    settleSecond();
    await waiting;
    expect(isSettled).toBe(true);
  });

  it("tells a creation by the current user from anything else", () => {
    const changes = new OwnChanges();
    expect(changes.isOwnCreation(event("claim.created"), me)).toBe(true);
    expect(changes.isOwnCreation(event("comment.created"), me)).toBe(true);
    expect(changes.isOwnCreation(event("claim.created", { actorId: someoneElse }), me)).toBe(false);
    expect(changes.isOwnCreation(event("claim.updated"), me)).toBe(false);
  });
});

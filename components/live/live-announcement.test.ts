import { describe, expect, it } from "vitest";

import {
  addLiveEvents,
  announcementTiming,
  describeAnnouncement,
  getAnnouncementDelay,
  nothingPending,
  type AnnouncementContext,
} from "@/components/live/live-announcement";
import type { ClaimView } from "@/lib/claims/schema";
import { claimViewFor } from "@/lib/testing/views";
import type { LiveEventType, LiveEventView } from "@/lib/realtime/schema";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

const me = "00000000-0000-4000-8000-000000000001";
const alice = "00000000-0000-4000-8000-000000000002";
const bob = "00000000-0000-4000-8000-000000000003";
const stranger = "00000000-0000-4000-8000-000000000004";
const documentId = "00000000-0000-4000-8000-0000000000d0";
const [claimA, claimB, claimC] = ["a1", "a2", "a3"].map((suffix) => `00000000-0000-4000-8000-0000000000${suffix}`) as [string, string, string];

let seq = 0;
function event(type: LiveEventType, claimId: string | null, actorId: string | null = alice): LiveEventView {
  seq += 1;
  return { seq, type, documentId, claimId, commentId: null, tagId: null, actorId, at: "2026-01-01T00:00:00.000000+00:00" };
}

function claim(id: string, exact: string | null, author = { id: alice, name: "Alice Test" }): ClaimView {
  const selector: NonNullable<ClaimView["target"]>["selector"] | null = exact
    ? [
        { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
        { type: "TextPositionSelector", start: 0, end: exact.length },
      ]
    : null;
  return claimViewFor(id, { documentId, author, target: selector ? { source: documentId, selector } : null });
}

const bobAuthor = { id: bob, name: "Bob Test" };
const claims = [claim(claimA, "Weinig opties", bobAuthor), claim(claimB, "x ".repeat(80), bobAuthor), claim(claimC, "Rusland")];
const names: Record<string, string> = { [alice]: "Alice Test", [bob]: "Bob Test" };
const context = (locale: "en" | "nl" = "en"): AnnouncementContext => ({
  locale,
  messages: locale === "nl" ? nl : en,
  claims,
  nameOf: (userId) => names[userId],
});

/** Collects the events as one burst and says it. */
const announce = (events: LiveEventView[], locale: "en" | "nl" = "en") =>
  describeAnnouncement(addLiveEvents(nothingPending, events, { currentUserId: me, now: 0 }), context(locale));

describe("addLiveEvents", () => {
  it("collects a burst over several batches, from its first change", () => {
    const first = addLiveEvents(nothingPending, [event("claim.created", claimA, bob)], { currentUserId: me, now: 100 });
    const second = addLiveEvents(first, [event("claim.created", claimB, bob), event("claim.created", claimA, bob)], { currentUserId: me, now: 700 });
    expect(second).toMatchObject({ since: 100, createdClaimIds: [claimA, claimB] });
  });

  it("leaves out the reader's own changes, from any tab, and changes nobody announces", () => {
    const events = [event("claim.created", claimA, me), event("comment.created", claimA, me), event("claim.updated", claimB), event("tag.created", null)];
    expect(addLiveEvents(nothingPending, events, { currentUserId: me, now: 5 })).toBe(nothingPending);
  });
});

describe("getAnnouncementDelay", () => {
  const pending = addLiveEvents(nothingPending, [event("claim.created", claimA)], { currentUserId: me, now: 1_000 });

  it.each([
    { now: 1_000, expected: announcementTiming.quietMs, why: "the quiet time after a change" },
    { now: 4_500, expected: 500, why: "never later than the longest wait after the first change" },
    { now: 9_000, expected: 0, why: "at once when that is past" },
  ])("$why", ({ now, expected }) => {
    expect(getAnnouncementDelay(pending, now)).toBe(expected);
  });

  it("has nothing to wait for when nothing is pending", () => {
    expect(getAnnouncementDelay(nothingPending, 0)).toBeNull();
  });
});

describe("describeAnnouncement", () => {
  it.each<[string, LiveEventView[], string | null, string | null]>([
    ["one claim: its author and quote", [event("claim.created", claimC)], "Alice Test highlighted “Rusland”.", "Alice Test heeft “Rusland” gemarkeerd."],
    [
      "a burst of claims by one person: counted, with their name",
      [event("claim.created", claimA, bob), event("claim.created", claimB, bob)],
      "2 new claims from Bob Test.",
      "2 nieuwe claims van Bob Test.",
    ],
    [
      "claims by several people: all their names",
      [event("claim.created", claimA, bob), event("claim.created", claimC)],
      "2 new claims from Bob Test and Alice Test.",
      "2 nieuwe claims van Bob Test en Alice Test.",
    ],
    [
      "comments: counted, with who wrote them",
      [event("comment.created", claimA, bob), event("comment.created", claimB, bob), event("comment.created", claimA)],
      "3 new comments from Bob Test and Alice Test.",
      "3 nieuwe reacties van Bob Test en Alice Test.",
    ],
    ["a comment by someone the page does not know", [event("comment.created", claimA, stranger)], "1 new comment.", "1 nieuwe reactie."],
    [
      "claims, comments and deletions together",
      [event("claim.created", claimC), event("comment.created", claimA, bob), event("claim.deleted", "gone-1"), event("claim.deleted", "gone-2")],
      "Alice Test highlighted “Rusland”. 1 new comment from Bob Test. 2 claims were deleted.",
      "Alice Test heeft “Rusland” gemarkeerd. 1 nieuwe reactie van Bob Test. Er zijn 2 claims verwijderd.",
    ],
    ["one deletion", [event("claim.deleted", claimA)], "A claim was deleted.", "Er is een claim verwijderd."],
    ["a claim created and deleted within the burst: nothing", [event("claim.created", claimA), event("comment.created", claimA), event("claim.deleted", claimA)], null, null],
    ["a claim the reader may not see (not in the list): nothing", [event("claim.created", "private-claim")], null, null],
  ])("%s", (_name, events, english, dutch) => {
    expect(announce(events, "en")).toBe(english);
    expect(announce(events, "nl")).toBe(dutch);
  });

  it("shortens a long quote, and names the author of a passage the reader may not read", () => {
    expect(announce([event("claim.created", claimB, bob)])).toMatch(/^Bob Test highlighted “(x ){29}x…”\.$/u);
    const hidden = { ...context(), claims: [claim(claimA, null, bobAuthor)] };
    expect(describeAnnouncement(addLiveEvents(nothingPending, [event("claim.created", claimA, bob)], { currentUserId: me, now: 0 }), hidden)).toBe(
      "Bob Test highlighted a passage.",
    );
  });
});

import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";

import {
  describeLiveActivity,
  emptyLiveActivity,
  markClaimsSeen,
  markThreadOpened,
  recordLiveActivity,
  type LiveActivity,
} from "@/components/live/live-activity";
import type { ClaimView } from "@/lib/claims/schema";
import type { LiveEventType, LiveEventView } from "@/lib/realtime/schema";
import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

const me = "00000000-0000-4000-8000-000000000001";
const alice = "00000000-0000-4000-8000-000000000002";
const documentId = "00000000-0000-4000-8000-0000000000d0";
const claimA = "00000000-0000-4000-8000-0000000000a1";
const claimB = "00000000-0000-4000-8000-0000000000a2";

let seq = 0;
function event(type: LiveEventType, claimId: string | null, actorId: string | null = alice): LiveEventView {
  seq += 1;
  return { seq, type, documentId, claimId, commentId: null, tagId: null, actorId, at: "2026-01-01T00:00:00.000000+00:00" };
}

function claim(id: string, exact: string | null, authorName = "Alice Test"): ClaimView {
  return {
    id,
    documentId,
    visibility: "team",
    author: { id: alice, name: authorName },
    target: exact
      ? {
          source: documentId,
          selector: [
            { type: "TextQuoteSelector", exact, prefix: "", suffix: "" },
            { type: "TextPositionSelector", start: 0, end: exact.length },
          ],
        }
      : null,
    tags: [],
    commentCount: 0,
    hidden: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    abilities: { canEdit: false, canDelete: false, canComment: true, canHide: false, canUnhide: false },
  };
}

const context = { currentUserId: me, openClaimId: null };

describe("recordLiveActivity", () => {
  it("counts claims others created as unseen, once each, in arrival order", () => {
    const next = recordLiveActivity(emptyLiveActivity, [event("claim.created", claimB), event("claim.created", claimA), event("claim.created", claimB)], context);
    expect(next.unseenClaimIds).toEqual([claimB, claimA]);
  });

  it("does not count the reader's own claims and comments (made here or in another tab)", () => {
    const next = recordLiveActivity(emptyLiveActivity, [event("claim.created", claimA, me), event("comment.created", claimA, me)], context);
    expect(next).toBe(emptyLiveActivity);
  });

  it("counts a change without an actor as someone else's", () => {
    expect(recordLiveActivity(emptyLiveActivity, [event("claim.created", claimA, null)], context).unseenClaimIds).toEqual([claimA]);
  });

  it("counts new comments per claim, except on the thread that is open", () => {
    const next = recordLiveActivity(
      emptyLiveActivity,
      [event("comment.created", claimA), event("comment.created", claimA), event("comment.created", claimB)],
      { currentUserId: me, openClaimId: claimB },
    );
    expect(next.newCommentCounts).toEqual({ [claimA]: 2 });
  });

  it.each(["comment.updated", "comment.deleted", "comment.hidden", "claim.updated", "claim.hidden", "tag.created"] as const)(
    "ignores %s",
    (type) => {
      expect(recordLiveActivity(emptyLiveActivity, [event(type, claimA)], context)).toBe(emptyLiveActivity);
    },
  );

  it("forgets a deleted claim, whoever deleted it", () => {
    const before: LiveActivity = { unseenClaimIds: [claimA, claimB], newCommentCounts: { [claimA]: 3, [claimB]: 1 } };
    const next = recordLiveActivity(before, [event("claim.deleted", claimA, me)], context);
    expect(next).toEqual({ unseenClaimIds: [claimB], newCommentCounts: { [claimB]: 1 } });
  });
});

describe("markClaimsSeen and markThreadOpened", () => {
  const before: LiveActivity = { unseenClaimIds: [claimA, claimB], newCommentCounts: { [claimA]: 2 } };

  it("removes seen claims and keeps the rest", () => {
    expect(markClaimsSeen(before, [claimA]).unseenClaimIds).toEqual([claimB]);
    expect(markClaimsSeen(before, ["unknown"])).toBe(before);
  });

  it("opening a thread clears its new comments and marks its claim seen", () => {
    expect(markThreadOpened(before, claimA)).toEqual({ unseenClaimIds: [claimB], newCommentCounts: {} });
    expect(markThreadOpened(emptyLiveActivity, claimA)).toBe(emptyLiveActivity);
  });
});

describe("describeLiveActivity", () => {
  const claims = [claim(claimA, "Weinig opties"), claim(claimB, "x ".repeat(80))];
  const t = createTranslator({ locale: "en", messages: en });
  const tDutch = createTranslator({ locale: "nl", messages: nl });
  const deletedId = "00000000-0000-4000-8000-0000000000ff";
  const deletedId2 = "00000000-0000-4000-8000-0000000000fe";

  it.each<[string, LiveEventView[], string | null]>([
    ["one new highlight, with its author and quote", [event("claim.created", claimA)], "Alice Test highlighted “Weinig opties”."],
    ["several highlights, counted", [event("claim.created", claimA), event("claim.created", claimB)], "2 new highlights."],
    ["comments, counted", [event("comment.created", claimA), event("comment.created", claimB)], "2 new comments."],
    ["a highlight and a comment", [event("claim.created", claimA), event("comment.created", claimA)], "Alice Test highlighted “Weinig opties”. 1 new comment."],
    ["a deletion", [event("claim.deleted", deletedId)], "A claim was deleted."],
    ["deletions, counted", [event("claim.deleted", deletedId), event("claim.deleted", deletedId2)], "2 claims were deleted."],
    ["the reader's own changes: nothing", [event("claim.created", claimA, me), event("comment.created", claimA, me)], null],
    ["edits: nothing", [event("claim.updated", claimA), event("comment.updated", claimA)], null],
    ["a highlight this reader may not see: nothing", [event("claim.created", "00000000-0000-4000-8000-0000000000ee")], null],
  ])("%s", (_name, events, expected) => {
    expect(describeLiveActivity(events, { currentUserId: me, claims, t })).toBe(expected);
  });

  it.each<[string, LiveEventView[], string]>([
    ["one new highlight", [event("claim.created", claimA)], "Alice Test markeerde “Weinig opties”."],
    ["several highlights and a comment", [event("claim.created", claimA), event("claim.created", claimB), event("comment.created", claimA)], "2 nieuwe markeringen. 1 nieuwe reactie."],
    ["comments", [event("comment.created", claimA), event("comment.created", claimB)], "2 nieuwe reacties."],
    ["a deletion", [event("claim.deleted", deletedId)], "Er is een claim verwijderd."],
    ["deletions", [event("claim.deleted", deletedId), event("claim.deleted", deletedId2)], "Er zijn 2 claims verwijderd."],
  ])("in Dutch: %s", (_name, events, expected) => {
    expect(describeLiveActivity(events, { currentUserId: me, claims, t: tDutch })).toBe(expected);
  });

  it("shortens a long quote", () => {
    const message = describeLiveActivity([event("claim.created", claimB)], { currentUserId: me, claims, t })!;
    expect(message).toMatch(/^Alice Test highlighted “(x )+x?…”\.$/u);
    expect(message.length).toBeLessThan(90);
  });

  it("names a hidden claim's author without its withheld quote", () => {
    const hidden = claim(claimA, null, "Bob Test");
    expect(describeLiveActivity([event("claim.created", claimA)], { currentUserId: me, claims: [hidden], t })).toBe("Bob Test highlighted a passage.");
    expect(describeLiveActivity([event("claim.created", claimA)], { currentUserId: me, claims: [hidden], t: tDutch })).toBe("Bob Test markeerde een passage.");
  });
});

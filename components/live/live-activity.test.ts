import { describe, expect, it } from "vitest";

import {
  emptyLiveActivity,
  markClaimsSeen,
  markThreadOpened,
  recordLiveActivity,
  type LiveActivity,
} from "@/components/live/live-activity";
import type { LiveEventType, LiveEventView } from "@/lib/realtime/schema";

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

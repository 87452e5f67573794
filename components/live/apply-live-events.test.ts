import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";

import { applyLiveEvents, maxClaimFetchesPerBatch, planLiveEvents, refetchLiveDocument } from "@/components/live/apply-live-events";
import { claimsQueryKey } from "@/components/claims/use-claims";
import { documentTagsQueryKey } from "@/components/claims/use-document-tags";
import { notificationsQueryKey } from "@/components/notifications/notifications-query";
import { teamTagsQueryKey } from "@/components/tags/use-team-tags";
import { threadQueryKey } from "@/components/threads/use-thread";
import { ApiError } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";
import type { LiveEventType, LiveEventView } from "@/lib/realtime/schema";
import { claimViewFor, commentViewFor } from "@/lib/testing/views";

const documentId = "00000000-0000-4000-8000-0000000000d0";
const otherDocumentId = "00000000-0000-4000-8000-0000000000d1";
const teamId = "00000000-0000-4000-8000-0000000000e0";
const actorId = "00000000-0000-4000-8000-000000000002";
const claimIds = Array.from({ length: 20 }, (_, index) => `00000000-0000-4000-8000-0000000001${String(index).padStart(2, "0")}`);
const [c1, c2, c3] = claimIds as [string, string, string];

let seq = 0;
function event(type: LiveEventType, claimId: string | null, options: Partial<LiveEventView> = {}): LiveEventView {
  seq += 1;
  return { seq, type, documentId, claimId, commentId: null, tagId: null, actorId, at: "2026-01-01T00:00:00.000000+00:00", ...options };
}

const claim = (id: string, overrides: Partial<ClaimView> = {}) => claimViewFor(id, { documentId, author: { id: actorId, name: "Alice Test" }, ...overrides });

describe("planLiveEvents", () => {
  const empty = { refetchClaimIds: [], removeClaimIds: [], invalidateThreadClaimIds: [], syncCommentCountClaimIds: [], refetchClaimList: false, refreshTags: false, refreshNotifications: false, reloadDocument: false };

  it.each<[string, LiveEventView[], Partial<ReturnType<typeof planLiveEvents>>]>([
    ["a new claim is read", [event("claim.created", c1)], { refetchClaimIds: [c1] }],
    ...(["claim.updated", "claim.hidden", "claim.unhidden"] as const).map(
      (type): [string, LiveEventView[], Partial<ReturnType<typeof planLiveEvents>>] => [`${type} re-reads the claim`, [event(type, c1)], { refetchClaimIds: [c1] }],
    ),
    ["a deleted claim is dropped, not read", [event("claim.deleted", c1)], { removeClaimIds: [c1] }],
    ["a claim created then deleted in one batch is never read", [event("claim.created", c1), event("claim.deleted", c1)], { removeClaimIds: [c1] }],
    ["a claim changed three times is read once", [event("claim.created", c1), event("claim.updated", c1), event("claim.hidden", c1)], { refetchClaimIds: [c1] }],
    ...(["comment.created", "comment.updated", "comment.deleted", "comment.hidden", "comment.unhidden"] as const).map(
      (type): [string, LiveEventView[], Partial<ReturnType<typeof planLiveEvents>>] => [
        `${type} refreshes the thread and re-reads the claim (its comment count)`,
        [event(type, c1)],
        { refetchClaimIds: [c1], invalidateThreadClaimIds: [c1] },
      ],
    ),
    ["a comment on a claim deleted later in the batch: no thread to refresh", [event("comment.created", c1), event("claim.deleted", c1)], { removeClaimIds: [c1] }],
    ...(["tag.created", "tag.updated", "tag.deleted"] as const).map(
      (type): [string, LiveEventView[], Partial<ReturnType<typeof planLiveEvents>>] => [
        `${type} refreshes the tags and the whole claims list`,
        [event(type, null, { documentId: null, tagId: c3 })],
        { refetchClaimList: true, refreshTags: true },
      ],
    ),
    ["a tag change makes single reads unnecessary", [event("claim.created", c1), event("tag.updated", null, { documentId: null })], { refetchClaimList: true, refreshTags: true }],
    ["another document's changes are ignored", [event("claim.created", c1, { documentId: otherDocumentId })], {}],
    [
      "a notification (a mention, on any document of the team) refreshes the bell and reads no claim",
      [event("notification.created", c1, { documentId: null })],
      { refreshNotifications: true },
    ],
    ["a claim event without a claim id is ignored", [event("claim.updated", null)], {}],
    ["a new version reloads the document and re-reads the whole claims list", [event("document.versioned", null)], { reloadDocument: true, refetchClaimList: true }],
    [
      "a new version makes single reads unnecessary, and still drops a deleted claim",
      [event("claim.updated", c1), event("document.versioned", null), event("claim.deleted", c2)],
      { reloadDocument: true, refetchClaimList: true, removeClaimIds: [c2] },
    ],
    ["another document's new version is ignored", [event("document.versioned", null, { documentId: otherDocumentId })], {}],
    [
      "several claims, in the order they first changed",
      [event("claim.created", c2), event("comment.created", c1), event("claim.updated", c2), event("claim.deleted", c3)],
      { refetchClaimIds: [c2, c1], removeClaimIds: [c3], invalidateThreadClaimIds: [c1] },
    ],
  ])("%s", (_name, events, expected) => {
    expect(planLiveEvents(events, documentId)).toEqual({ ...empty, ...expected });
  });

  describe("with what the page holds already", () => {
    const commentId = "00000000-0000-4000-8000-0000000002c1";
    const cachedState = { hasClaim: (id: string) => id === c1, hasComment: (claimId: string, id: string) => claimId === c1 && id === commentId };

    it.each<[string, LiveEventView[], Partial<ReturnType<typeof planLiveEvents>>]>([
      ["a claim created that is in the list already is not read again", [event("claim.created", c1)], {}],
      ["a claim created that is not in the list is read", [event("claim.created", c2)], { refetchClaimIds: [c2] }],
      ["a known creation followed by a change is read once, for the change", [event("claim.created", c1), event("claim.updated", c1)], { refetchClaimIds: [c1] }],
      [
        "a comment the thread holds already only sets the claim's count from the thread",
        [event("comment.created", c1, { commentId })],
        { syncCommentCountClaimIds: [c1] },
      ],
      [
        "an unknown comment refreshes the thread and the claim",
        [event("comment.created", c1, { commentId: c3 })],
        { refetchClaimIds: [c1], invalidateThreadClaimIds: [c1] },
      ],
      [
        "a known comment and a change of its claim: the claim's read covers the count",
        [event("comment.created", c1, { commentId }), event("claim.hidden", c1)],
        { refetchClaimIds: [c1] },
      ],
    ])("%s", (_name, events, expected) => {
      expect(planLiveEvents(events, documentId, cachedState)).toEqual({ ...empty, ...expected });
    });
  });

  it(`reads the whole list instead of more than ${maxClaimFetchesPerBatch} claims one by one`, () => {
    const many = claimIds.slice(0, maxClaimFetchesPerBatch + 1).map((id) => event("claim.created", id));
    expect(planLiveEvents(many, documentId)).toMatchObject({ refetchClaimIds: [], refetchClaimList: true });
    expect(planLiveEvents(many.slice(1), documentId).refetchClaimIds).toHaveLength(maxClaimFetchesPerBatch);
  });
});

describe("applyLiveEvents", () => {
  let queryClient: QueryClient;
  afterEach(() => queryClient.clear());

  function setUp(claims: ClaimView[], answers: Record<string, ClaimView | ApiError | Error>) {
    queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    queryClient.setQueryData(claimsQueryKey(documentId), claims);
    const fetchClaim = vi.fn(async (claimId: string) => {
      const answer = answers[claimId];
      if (!answer) throw new ApiError(404, "not_found", "Claim not found");
      if (answer instanceof Error) throw answer;
      return answer;
    });
    return { queryClient, documentId, teamId, fetchClaim };
  }
  const cachedIds = () => queryClient.getQueryData<ClaimView[]>(claimsQueryKey(documentId))!.map((item) => item.id);
  const cached = (id: string) => queryClient.getQueryData<ClaimView[]>(claimsQueryKey(documentId))!.find((item) => item.id === id);

  it("adds a claim someone created, as the API gives it", async () => {
    const context = setUp([claim(c1)], { [c2]: claim(c2, { commentCount: 0 }) });
    await applyLiveEvents([event("claim.created", c2)], context);
    expect(context.fetchClaim).toHaveBeenCalledExactlyOnceWith(c2);
    expect(cachedIds()).toEqual([c1, c2]);
  });

  it("replaces an updated claim where it is", async () => {
    const context = setUp([claim(c1), claim(c2)], { [c1]: claim(c1, { hidden: { at: "2026-01-02T00:00:00.000Z" } }) });
    await applyLiveEvents([event("claim.hidden", c1)], context);
    expect(cachedIds()).toEqual([c1, c2]);
    expect(cached(c1)?.hidden).not.toBeNull();
  });

  it("drops a claim the API no longer shows this reader (404: made private, or gone)", async () => {
    const context = setUp([claim(c1), claim(c2)], {});
    await applyLiveEvents([event("claim.updated", c1)], context);
    expect(cachedIds()).toEqual([c2]);
  });

  it("drops a deleted claim and its thread without reading it", async () => {
    const context = setUp([claim(c1), claim(c2)], {});
    queryClient.setQueryData(threadQueryKey(c1), []);
    await applyLiveEvents([event("claim.deleted", c1)], context);
    expect(context.fetchClaim).not.toHaveBeenCalled();
    expect(cachedIds()).toEqual([c2]);
    expect(queryClient.getQueryState(threadQueryKey(c1))).toBeUndefined();
  });

  it("on a comment, refreshes the thread and the claim's comment count", async () => {
    const context = setUp([claim(c1)], { [c1]: claim(c1, { commentCount: 1 }) });
    queryClient.setQueryData(threadQueryKey(c1), []);
    queryClient.setQueryData(threadQueryKey(c2), []);
    await applyLiveEvents([event("comment.created", c1)], context);
    expect(cached(c1)?.commentCount).toBe(1);
    expect(queryClient.getQueryState(threadQueryKey(c1))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(threadQueryKey(c2))?.isInvalidated).toBe(false);
  });

  it("reads nothing for a created claim the list holds already (the page's own, put there from its answer)", async () => {
    const context = setUp([claim(c1), claim(c2)], { [c2]: claim(c2) });
    await applyLiveEvents([event("claim.created", c2)], context);
    expect(context.fetchClaim).not.toHaveBeenCalled();
    expect(cachedIds()).toEqual([c1, c2]);
    expect(queryClient.getQueryState(claimsQueryKey(documentId))?.isInvalidated).toBe(false);
  });

  it("reads nothing for a comment the open thread holds already, and counts the claim's comments from it", async () => {
    const commentId = "00000000-0000-4000-8000-0000000002c1";
    const context = setUp([claim(c1, { commentCount: 0 })], { [c1]: claim(c1, { commentCount: 1 }) });
    const comment = commentViewFor(commentId, c1);
    queryClient.setQueryData(threadQueryKey(c1), [comment]);
    await applyLiveEvents([event("comment.created", c1, { commentId })], context);
    expect(context.fetchClaim).not.toHaveBeenCalled();
    expect(queryClient.getQueryState(threadQueryKey(c1))?.isInvalidated).toBe(false);
    expect(cached(c1)?.commentCount).toBe(1);
  });

  it("on a tag change, refreshes the claims list and every view of the team's tags", async () => {
    const context = setUp([claim(c1)], {});
    queryClient.setQueryData(documentTagsQueryKey(teamId), []);
    queryClient.setQueryData(teamTagsQueryKey(teamId), { team: { id: teamId, name: "T" }, items: [], abilities: { canManage: true } });
    await applyLiveEvents([event("tag.updated", null, { documentId: null })], context);
    expect(context.fetchClaim).not.toHaveBeenCalled();
    expect(queryClient.getQueryState(claimsQueryKey(documentId))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(documentTagsQueryKey(teamId))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(teamTagsQueryKey(teamId))?.isInvalidated).toBe(true);
    expect(cachedIds()).toEqual([c1]);
  });

  it("on a new version, re-reads the claims list (every claim was re-anchored) without reading claims one by one", async () => {
    const context = setUp([claim(c1), claim(c2)], {});
    await applyLiveEvents([event("claim.updated", c1), event("document.versioned", null)], context);
    expect(context.fetchClaim).not.toHaveBeenCalled();
    expect(queryClient.getQueryState(claimsQueryKey(documentId))?.isInvalidated).toBe(true);
    expect(cachedIds()).toEqual([c1, c2]);
  });

  it("on a notification, refreshes the bell's notifications and nothing else", async () => {
    const context = setUp([claim(c1)], {});
    queryClient.setQueryData(notificationsQueryKey, { items: [], unreadCount: 0 });
    await applyLiveEvents([event("notification.created", c1, { documentId: null })], context);
    expect(context.fetchClaim).not.toHaveBeenCalled();
    expect(queryClient.getQueryState(notificationsQueryKey)?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(claimsQueryKey(documentId))?.isInvalidated).toBe(false);
  });

  it("falls back to re-reading the list when a claim cannot be read (network, server error)", async () => {
    const errorLog = vi.spyOn(console, "error").mockImplementation(() => {});
    const context = setUp([claim(c1)], { [c2]: new ApiError(0, "network", "offline") });
    await applyLiveEvents([event("claim.created", c2)], context);
    expect(cachedIds()).toEqual([c1]);
    expect(queryClient.getQueryState(claimsQueryKey(documentId))?.isInvalidated).toBe(true);
    expect(errorLog).toHaveBeenCalled();
    errorLog.mockRestore();
  });

  it("restarts a list read that began before the change, so older data cannot overwrite it", async () => {
    const context = setUp([claim(c1)], { [c2]: claim(c2) });
    let listReads = 0;
    // The page's list query (active: it has an observer); its first read answers late, with the list as it was
    // before c2 existed.
    const observer = new QueryObserver(queryClient, {
      queryKey: claimsQueryKey(documentId),
      queryFn: async () => {
        listReads += 1;
        const answer = listReads === 1 ? [claim(c1)] : [claim(c1), claim(c2)];
        await new Promise((resolve) => setTimeout(resolve, 50));
        return answer;
      },
      staleTime: Number.POSITIVE_INFINITY,
    });
    const unsubscribe = observer.subscribe(() => {});
    const firstRead = observer.refetch();
    await applyLiveEvents([event("claim.created", c2)], context);
    await firstRead;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(listReads).toBe(2);
    expect(cachedIds()).toEqual([c1, c2]);
    unsubscribe();
  });

  it("ignores another document's claim if the API returns one", async () => {
    const context = setUp([claim(c1)], { [c2]: claim(c2, { documentId: otherDocumentId }) });
    await applyLiveEvents([event("claim.updated", c2)], context);
    expect(cachedIds()).toEqual([c1]);
  });
});

describe("refetchLiveDocument", () => {
  it("invalidates the document's claims, every thread and the team's tags", async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(claimsQueryKey(documentId), []);
    queryClient.setQueryData(threadQueryKey(c1), []);
    queryClient.setQueryData(documentTagsQueryKey(teamId), []);
    queryClient.setQueryData(["notifications"], []);
    await refetchLiveDocument({ queryClient, documentId, teamId });
    expect(queryClient.getQueryState(claimsQueryKey(documentId))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(threadQueryKey(c1))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(documentTagsQueryKey(teamId))?.isInvalidated).toBe(true);
    expect(queryClient.getQueryState(["notifications"])?.isInvalidated).toBe(false);
    queryClient.clear();
  });
});

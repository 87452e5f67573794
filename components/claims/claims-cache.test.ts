import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";

import { claimsQueryKey, countComments, removeClaims, syncCommentCount, threadQueryKey, upsertClaim, upsertComment } from "@/components/claims/claims-cache";
import type { ClaimView } from "@/lib/claims/schema";
import type { CommentView } from "@/lib/threads/schema";
import { claimViewFor, commentViewFor } from "@/lib/testing/views";

const documentId = "00000000-0000-4000-8000-0000000000d0";
const [c1, c2, c3] = ["00000000-0000-4000-8000-000000000101", "00000000-0000-4000-8000-000000000102", "00000000-0000-4000-8000-000000000103"];

const claim = (id: string, overrides: Partial<ClaimView> = {}) => claimViewFor(id, { documentId, ...overrides });
const comment = (id: string, overrides: Partial<CommentView> = {}) => commentViewFor(id, c1, overrides);

describe("upsertClaim", () => {
  it("replaces in place and appends new claims", () => {
    const list = [claim(c1), claim(c2)];
    const updated = claim(c1, { commentCount: 4 });
    expect(upsertClaim(list, updated)).toEqual([updated, list[1]]);
    expect(upsertClaim(list, claim(c3)).map((item) => item.id)).toEqual([c1, c2, c3]);
    expect(upsertClaim(undefined, claim(c3)).map((item) => item.id)).toEqual([c3]);
  });
});

describe("removeClaims", () => {
  it("drops the given claims only", () => {
    expect(removeClaims([claim(c1), claim(c2), claim(c3)], new Set([c2])).map((item) => item.id)).toEqual([c1, c3]);
    expect(removeClaims(undefined, new Set([c2]))).toEqual([]);
  });
});

describe("upsertComment", () => {
  it("replaces in place and appends new comments", () => {
    const edited = comment("a", { body: "Welke bron?" });
    expect(upsertComment([comment("a"), comment("b")], edited).map((item) => item.body)).toEqual(["Welke bron?", "Bron?"]);
    expect(upsertComment([comment("a")], comment("b")).map((item) => item.id)).toEqual(["a", "b"]);
  });
});

describe("comment counts", () => {
  it("count every comment that is not deleted, hidden ones included (as the server does)", () => {
    const thread = [comment("a"), comment("b", { deletedAt: "2026-01-02T00:00:00.000Z", body: null }), comment("c", { hidden: { at: "2026-01-02T00:00:00.000Z" } })];
    expect(countComments(thread)).toBe(2);
  });

  it("set a claim's count from its thread, idempotently, and leave other claims alone", () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData(claimsQueryKey(documentId), [claim(c1), claim(c2, { commentCount: 7 })]);
    queryClient.setQueryData(threadQueryKey(c1), [comment("a"), comment("b")]);
    syncCommentCount(queryClient, documentId, c1);
    syncCommentCount(queryClient, documentId, c1);
    const claims = queryClient.getQueryData<ClaimView[]>(claimsQueryKey(documentId))!;
    expect(claims.map((item) => item.commentCount)).toEqual([2, 7]);
    // Without a thread in the cache there is nothing to count from: the claim keeps its count.
    syncCommentCount(queryClient, documentId, c2);
    expect(queryClient.getQueryData<ClaimView[]>(claimsQueryKey(documentId))![1]!.commentCount).toBe(7);
  });
});

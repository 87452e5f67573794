import type { QueryClient } from "@tanstack/react-query";

import type { ClaimView } from "@/lib/claims/schema";
import type { CommentView } from "@/lib/threads/schema";

/** The query key of a document's claims list. */
export const claimsQueryKey = (documentId: string) => ["documents", documentId, "claims"] as const;

/** The query key of a claim's thread. */
export const threadQueryKey = (claimId: string) => ["claims", claimId, "comments"] as const;

/** What the claim panel reads about a claim besides its thread; a live change to the claim refreshes each. */
export const claimParts = ["evidence", "verdict", "history"] as const;
export type ClaimPart = (typeof claimParts)[number];

/** The query key of one part of a claim (its evidence, its verdict, its history). */
export const claimPartQueryKey = (claimId: string, part: ClaimPart) => ["claims", claimId, part] as const;

/**
 * Puts a claim in a list: replaces it where it is (keeping the list's order), or adds it at the end. The one
 * place the client merges a claim the server sent (a mutation's answer, a live change) into its list.
 */
export function upsertClaim(claims: readonly ClaimView[] | undefined, claim: ClaimView): ClaimView[] {
  const list = claims ?? [];
  return list.some((item) => item.id === claim.id) ? list.map((item) => (item.id === claim.id ? claim : item)) : [...list, claim];
}

/** The list without the given claims. */
export function removeClaims(claims: readonly ClaimView[] | undefined, claimIds: ReadonlySet<string>): ClaimView[] {
  return (claims ?? []).filter((claim) => !claimIds.has(claim.id));
}

/** Puts a comment in a thread: replaces it where it is, or adds it at the end. */
export function upsertComment(comments: readonly CommentView[] | undefined, comment: CommentView): CommentView[] {
  const list = comments ?? [];
  return list.some((item) => item.id === comment.id) ? list.map((item) => (item.id === comment.id ? comment : item)) : [...list, comment];
}

/** How many comments of a thread count towards a claim's `commentCount`: every one not deleted (as the server counts). */
export function countComments(comments: readonly CommentView[]): number {
  return comments.filter((comment) => comment.deletedAt === null).length;
}

/**
 * After a change to a thread this page holds in full, sets its claim's comment count from the thread itself,
 * so the list shows it without reading the claim again. Idempotent: applying it twice, or after a read of the
 * claim that already counted the change, leaves the same number.
 */
export function syncCommentCount(queryClient: QueryClient, documentId: string, claimId: string): void {
  const comments = queryClient.getQueryData<CommentView[]>(threadQueryKey(claimId));
  if (!comments) return;
  const commentCount = countComments(comments);
  queryClient.setQueryData<ClaimView[]>(claimsQueryKey(documentId), (claims) =>
    claims?.map((claim) => (claim.id === claimId && claim.commentCount !== commentCount ? { ...claim, commentCount } : claim)),
  );
}

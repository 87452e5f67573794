"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { claimsQueryKey, syncCommentCount, threadQueryKey, upsertComment } from "@/components/claims/claims-cache";
import { ownChanges, type OwnChange } from "@/components/live/own-changes";
import { apiClient } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";
import type { CommentView, CreateCommentRequest } from "@/lib/threads/schema";

export { threadQueryKey } from "@/components/claims/claims-cache";

type Expectation = { withdraw: () => void };

/**
 * A claim's comments, and the mutations on them. Each answer goes into the thread, and the claim's comment
 * count follows from the thread; nothing is read again for it, nor when this page's own live event arrives.
 * A new comment marks a resolved discussion open, as the server has just done.
 * A failed request re-reads the thread and the claims, which may have changed meanwhile.
 */
export function useThread(documentId: string, claimId: string) {
  const queryClient = useQueryClient();
  const key = threadQueryKey(claimId);
  const comments = useQuery({ queryKey: key, queryFn: () => apiClient.listComments(claimId) });
  const onSuccess = (comment: CommentView) => {
    queryClient.setQueryData<CommentView[]>(key, (list) => upsertComment(list, comment));
    syncCommentCount(queryClient, documentId, claimId);
  };
  const expect = (change: Omit<OwnChange, "claimId">): Expectation => ({ withdraw: ownChanges.expect({ ...change, claimId }) });
  const onError = (_error: Error, _variables: unknown, context: Expectation | undefined) => {
    context?.withdraw();
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: claimsQueryKey(documentId) });
  };

  const createComment = useMutation({
    mutationFn: (body: CreateCommentRequest) => apiClient.createComment(claimId, body),
    onMutate: () => ({ settle: ownChanges.beginCreation(), withdraw: () => {} }),
    onSuccess: (comment: CommentView) => {
      onSuccess(comment);
      // A comment reopens a resolved discussion (lib/threads/resolution.ts): show it open at once; the claim's
      // live event brings the rest of the change.
      queryClient.setQueryData<ClaimView[]>(claimsQueryKey(documentId), (claims) =>
        claims?.map((claim) => (claim.id === claimId && claim.threadResolvedAt ? { ...claim, threadResolvedAt: null } : claim)),
      );
    },
    onError,
    // After onSuccess has put the answer in the cache: the live stream may now look at this creation's event.
    onSettled: (_comment, _error, _body, context) => context?.settle(),
  });
  const updateComment = useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) => apiClient.updateComment(commentId, { body }),
    onMutate: ({ commentId }) => expect({ type: "comment.updated", commentId }),
    onSuccess,
    onError,
  });
  const deleteComment = useMutation({
    mutationFn: (commentId: string) => apiClient.deleteComment(commentId),
    onMutate: (commentId) => expect({ type: "comment.deleted", commentId }),
    onSuccess,
    onError,
  });
  const hideComment = useMutation({
    mutationFn: ({ commentId, reason }: { commentId: string; reason: string }) => apiClient.hideComment(commentId, reason),
    onMutate: ({ commentId }) => expect({ type: "comment.hidden", commentId }),
    onSuccess,
    onError,
  });
  const unhideComment = useMutation({
    mutationFn: (commentId: string) => apiClient.unhideComment(commentId),
    onMutate: (commentId) => expect({ type: "comment.unhidden", commentId }),
    onSuccess,
    onError,
  });
  return { comments, createComment, updateComment, deleteComment, hideComment, unhideComment };
}

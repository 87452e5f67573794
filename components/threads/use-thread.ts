"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { claimsQueryKey } from "@/components/claims/use-claims";
import { apiClient } from "@/lib/api/client";
import type { CommentView } from "@/lib/threads/schema";

export const threadQueryKey = (claimId: string) => ["claims", claimId, "comments"] as const;

function upsertComment(comments: CommentView[] | undefined, comment: CommentView): CommentView[] {
  const list = comments ?? [];
  return list.some((item) => item.id === comment.id)
    ? list.map((item) => (item.id === comment.id ? comment : item))
    : [...list, comment];
}

/** A claim's comments, and the mutations on them. Comment counts in the claim list refresh afterwards. */
export function useThread(documentId: string, claimId: string) {
  const queryClient = useQueryClient();
  const key = threadQueryKey(claimId);
  const comments = useQuery({ queryKey: key, queryFn: () => apiClient.listComments(claimId) });
  const onSuccess = (comment: CommentView) => queryClient.setQueryData<CommentView[]>(key, (list) => upsertComment(list, comment));
  // Refetch in the background; the mutation itself is done once the server answered.
  const onSettled = () => {
    void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: claimsQueryKey(documentId) });
  };

  const createComment = useMutation({
    mutationFn: (body: { body: string; parentId?: string }) => apiClient.createComment(claimId, body),
    onSuccess,
    onSettled,
  });
  const updateComment = useMutation({
    mutationFn: ({ commentId, body }: { commentId: string; body: string }) => apiClient.updateComment(commentId, { body }),
    onSuccess,
    onSettled,
  });
  const deleteComment = useMutation({
    mutationFn: (commentId: string) => apiClient.deleteComment(commentId),
    onSuccess,
    onSettled,
  });
  const hideComment = useMutation({
    mutationFn: ({ commentId, reason }: { commentId: string; reason: string }) => apiClient.hideComment(commentId, reason),
    onSuccess,
    onSettled,
  });
  const unhideComment = useMutation({
    mutationFn: (commentId: string) => apiClient.unhideComment(commentId),
    onSuccess,
    onSettled,
  });
  return { comments, createComment, updateComment, deleteComment, hideComment, unhideComment };
}

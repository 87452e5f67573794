"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { applyCheckEdit, toCheckRequest, type CheckEdit } from "@/components/checks/check-values";
import { claimPartQueryKey, claimsQueryKey, upsertClaim } from "@/components/claims/claims-cache";
import { ownChanges } from "@/components/live/own-changes";
import { apiClient } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";

/**
 * A claim's history, read while `enabled` (its disclosure is open). A live change to the claim invalidates this
 * key (components/live/apply-live-events.ts), so an open history follows what others do.
 */
export function useClaimHistory(claimId: string, enabled: boolean) {
  return useQuery({ queryKey: claimPartQueryKey(claimId, "history"), queryFn: () => apiClient.listClaimHistory(claimId), enabled });
}

/**
 * Changes a claim's status, assignee or due date. The change shows at once in the document's claims (which the
 * panel reads); the server's answer replaces it, or a failure puts back what was there and re-reads the list.
 * The page's own live event is expected, so it is not read again for it; the history is, since it has a new line.
 */
export function useCheckEdit(documentId: string, claimId: string) {
  const queryClient = useQueryClient();
  const key = claimsQueryKey(documentId);
  return useMutation({
    mutationFn: (edit: CheckEdit) => apiClient.updateClaim(claimId, toCheckRequest(edit)),
    onMutate: async (edit) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ClaimView[]>(key);
      queryClient.setQueryData<ClaimView[]>(key, (claims) => claims?.map((claim) => (claim.id === claimId ? applyCheckEdit(claim, edit) : claim)));
      return { previous, withdraw: ownChanges.expect({ type: "claim.updated", claimId }) };
    },
    onSuccess: (claim) => {
      queryClient.setQueryData<ClaimView[]>(key, (claims) => upsertClaim(claims, claim));
      void queryClient.invalidateQueries({ queryKey: claimPartQueryKey(claimId, "history") });
    },
    onError: (_error, _edit, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      context?.withdraw();
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
}

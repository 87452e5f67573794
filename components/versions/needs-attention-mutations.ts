"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";

import { claimsQueryKey, upsertClaim } from "@/components/claims/claims-cache";
import { ownChanges } from "@/components/live/own-changes";
import { apiClient } from "@/lib/api/client";
import type { ClaimSelectors } from "@/lib/anchoring";
import type { ClaimView } from "@/lib/claims/schema";

/**
 * Re-attach a claim to other text, or dismiss it from "Needs attention". The answer goes into the claims list
 * (the one upsert, components/claims/claims-cache.ts), and this page's own `claim.updated` event is expected, so
 * it is not read again; other viewers get that event and read the claim. A failure re-reads the list: the claim
 * may have been re-attached or dismissed by someone else meanwhile.
 */
export function useNeedsAttentionMutations(documentId: string) {
  const queryClient = useQueryClient();
  const key = claimsQueryKey(documentId);
  const put = (claim: ClaimView) => queryClient.setQueryData<ClaimView[]>(key, (claims) => upsertClaim(claims, claim));
  const expectUpdate = (claimId: string) => ({ withdraw: ownChanges.expect({ type: "claim.updated", claimId }) });
  const recover = (context: { withdraw: () => void } | undefined) => {
    context?.withdraw();
    void queryClient.invalidateQueries({ queryKey: key });
  };

  const reattachClaim = useMutation({
    mutationFn: ({ claimId, selectors }: { claimId: string; selectors: ClaimSelectors }) =>
      apiClient.reattachClaim(claimId, { target: { selector: [selectors.quote, selectors.position] } }),
    onMutate: ({ claimId }) => expectUpdate(claimId),
    onSuccess: put,
    onError: (_error, _variables, context) => recover(context),
  });
  const dismissClaim = useMutation({
    mutationFn: (claimId: string) => apiClient.dismissClaimAttention(claimId),
    onMutate: (claimId) => expectUpdate(claimId),
    onSuccess: put,
    onError: (_error, _claimId, context) => recover(context),
  });
  return { reattachClaim, dismissClaim };
}

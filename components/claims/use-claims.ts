"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { claimsQueryKey, removeClaims, upsertClaim } from "@/components/claims/claims-cache";
import { ownChanges, type OwnChange } from "@/components/live/own-changes";
import { apiClient } from "@/lib/api/client";
import type { ClaimView, CreateClaimRequest } from "@/lib/claims/schema";
import type { TagView } from "@/lib/tags/schema";

export { claimsQueryKey } from "@/components/claims/claims-cache";

/** The claims of a document, seeded with what the server rendered. */
export function useClaims(documentId: string, initialClaims: ClaimView[]) {
  return useQuery({
    queryKey: claimsQueryKey(documentId),
    queryFn: () => apiClient.listClaims(documentId),
    initialData: initialClaims,
  });
}

type Expectation = { withdraw: () => void };

/**
 * Create, retag, hide, unhide and delete claims. Each answer goes into the cache, and nothing is read again
 * for it: not the list, and not the claim when this page's own live event arrives (components/live/own-changes.ts).
 * A failed request withdraws its expectation and re-reads the list, which may have changed meanwhile.
 */
export function useClaimMutations(documentId: string) {
  const queryClient = useQueryClient();
  const key = claimsQueryKey(documentId);
  const put = (claim: ClaimView) => queryClient.setQueryData<ClaimView[]>(key, (claims) => upsertClaim(claims, claim));
  const expect = (change: OwnChange): Expectation => ({ withdraw: ownChanges.expect(change) });
  const recover = (context: Expectation | undefined) => {
    context?.withdraw();
    void queryClient.invalidateQueries({ queryKey: key });
  };

  const createClaim = useMutation({
    mutationFn: (body: CreateClaimRequest) => apiClient.createClaim(documentId, body),
    onMutate: () => ({ settle: ownChanges.beginCreation() }),
    onSuccess: put,
    onError: () => recover(undefined),
    // After onSuccess has put the answer in the cache: the live stream may now look at this creation's event.
    onSettled: (_claim, _error, _body, context) => context?.settle(),
  });
  const updateClaimTags = useMutation({
    mutationFn: ({ claimId, tags }: { claimId: string; tags: TagView[] }) =>
      apiClient.updateClaim(claimId, { tags: tags.map((tag) => tag.name) }),
    // Toggles answer at once; a failure rolls back to what the server had.
    onMutate: async ({ claimId, tags }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ClaimView[]>(key);
      queryClient.setQueryData<ClaimView[]>(key, (claims) => (claims ?? []).map((claim) => (claim.id === claimId ? { ...claim, tags } : claim)));
      return { previous, ...expect({ type: "claim.updated", claimId }) };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      recover(context);
    },
    onSuccess: put,
  });
  const deleteClaim = useMutation({
    mutationFn: (claimId: string) => apiClient.deleteClaim(claimId),
    onMutate: (claimId) => expect({ type: "claim.deleted", claimId }),
    onSuccess: (_result, claimId) => queryClient.setQueryData<ClaimView[]>(key, (claims) => removeClaims(claims, new Set([claimId]))),
    onError: (_error, _claimId, context) => recover(context),
  });
  const hideClaim = useMutation({
    mutationFn: ({ claimId, reason }: { claimId: string; reason: string }) => apiClient.hideClaim(claimId, reason),
    onMutate: ({ claimId }) => expect({ type: "claim.hidden", claimId }),
    onSuccess: put,
    onError: (_error, _variables, context) => recover(context),
  });
  const unhideClaim = useMutation({
    mutationFn: (claimId: string) => apiClient.unhideClaim(claimId),
    onMutate: (claimId) => expect({ type: "claim.unhidden", claimId }),
    onSuccess: put,
    onError: (_error, _claimId, context) => recover(context),
  });
  return { createClaim, updateClaimTags, deleteClaim, hideClaim, unhideClaim };
}

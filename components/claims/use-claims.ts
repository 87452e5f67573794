"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient, type CreateClaimBody } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";
import type { TagView } from "@/lib/tags/schema";

export const claimsQueryKey = (documentId: string) => ["documents", documentId, "claims"] as const;

/** The claims of a document, seeded with what the server rendered. */
export function useClaims(documentId: string, initialClaims: ClaimView[]) {
  return useQuery({
    queryKey: claimsQueryKey(documentId),
    queryFn: () => apiClient.listClaims(documentId),
    initialData: initialClaims,
  });
}

function replaceClaim(claims: ClaimView[] | undefined, claim: ClaimView): ClaimView[] {
  const others = (claims ?? []).filter((item) => item.id !== claim.id);
  return [...others, claim];
}

/** Create, retag and delete claims; the cache is updated from each answer, then refetched. */
export function useClaimMutations(documentId: string) {
  const queryClient = useQueryClient();
  const key = claimsQueryKey(documentId);
  // Refetch in the background; the mutation itself is done once the server answered.
  const settle = () => void queryClient.invalidateQueries({ queryKey: key });

  const createClaim = useMutation({
    mutationFn: (body: CreateClaimBody) => apiClient.createClaim(documentId, body),
    onSuccess: (claim) => queryClient.setQueryData<ClaimView[]>(key, (claims) => replaceClaim(claims, claim)),
    onSettled: settle,
  });
  const updateClaimTags = useMutation({
    mutationFn: ({ claimId, tags }: { claimId: string; tags: TagView[] }) =>
      apiClient.updateClaim(claimId, { tags: tags.map((tag) => tag.name) }),
    // Toggles answer at once; a failure rolls back to what the server had.
    onMutate: async ({ claimId, tags }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ClaimView[]>(key);
      queryClient.setQueryData<ClaimView[]>(key, (claims) =>
        (claims ?? []).map((claim) => (claim.id === claimId ? { ...claim, tags } : claim)),
      );
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (claim) => queryClient.setQueryData<ClaimView[]>(key, (claims) => replaceClaim(claims, claim)),
    onSettled: settle,
  });
  const deleteClaim = useMutation({
    mutationFn: (claimId: string) => apiClient.deleteClaim(claimId),
    onSuccess: (_result, claimId) =>
      queryClient.setQueryData<ClaimView[]>(key, (claims) => (claims ?? []).filter((claim) => claim.id !== claimId)),
    onSettled: settle,
  });
  const hideClaim = useMutation({
    mutationFn: ({ claimId, reason }: { claimId: string; reason: string }) => apiClient.hideClaim(claimId, reason),
    onSuccess: (claim) => queryClient.setQueryData<ClaimView[]>(key, (claims) => replaceClaim(claims, claim)),
    onSettled: settle,
  });
  const unhideClaim = useMutation({
    mutationFn: (claimId: string) => apiClient.unhideClaim(claimId),
    onSuccess: (claim) => queryClient.setQueryData<ClaimView[]>(key, (claims) => replaceClaim(claims, claim)),
    onSettled: settle,
  });
  return { createClaim, updateClaimTags, deleteClaim, hideClaim, unhideClaim };
}

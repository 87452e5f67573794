"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { claimsQueryKey, upsertClaim } from "@/components/claims/claims-cache";
import { ownChanges } from "@/components/live/own-changes";
import { apiClient } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";

/**
 * The open claim as the document's claims list holds it: the same object the claim panel shows, kept current by
 * mutations and the live stream. The thread reads its resolution and abilities here, so it never fetches the
 * claim itself.
 */
export function useCachedClaim(documentId: string, claimId: string): ClaimView | null {
  const { data } = useQuery({
    queryKey: claimsQueryKey(documentId),
    queryFn: () => apiClient.listClaims(documentId),
    // The document page reads the list (components/claims/use-claims.ts); this only watches it.
    enabled: false,
    select: (claims) => claims.find((claim) => claim.id === claimId) ?? null,
  });
  return data ?? null;
}

/**
 * Resolving and reopening a claim's discussion, and who resolved it. The resolver is read only while it is
 * resolved, once per resolution (the key carries when it was resolved, which the claim's live updates change).
 * The answer, the claim, goes into the claims list; its own live event is then expected and not read again.
 */
export function useThreadResolution(documentId: string, claimId: string, resolvedAt: string | null) {
  const queryClient = useQueryClient();
  const resolution = useQuery({
    queryKey: ["claims", claimId, "thread", resolvedAt],
    queryFn: () => apiClient.getThreadResolution(claimId),
    enabled: resolvedAt !== null,
    staleTime: Infinity,
  });
  const setResolved = useMutation({
    mutationFn: (resolved: boolean) => apiClient.setThreadResolved(claimId, { resolved }),
    onMutate: () => ({ withdraw: ownChanges.expect({ type: "claim.updated", claimId }) }),
    onSuccess: (claim) => queryClient.setQueryData<ClaimView[]>(claimsQueryKey(documentId), (claims) => upsertClaim(claims, claim)),
    onError: (_error, _resolved, context) => {
      context?.withdraw();
      void queryClient.invalidateQueries({ queryKey: claimsQueryKey(documentId) });
    },
  });
  return { resolvedBy: resolution.data?.resolvedBy ?? null, setResolved };
}

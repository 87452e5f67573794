"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { claimPartQueryKey, claimsQueryKey, upsertClaim } from "@/components/claims/claims-cache";
import { apiClient } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";
import type { ClaimVerdictView, ProposeVerdictRequest } from "@/lib/verdicts/schema";

/**
 * A claim's verdict (GET /api/claims/{id}/verdict) under the key live changes refresh
 * (components/live/apply-live-events.ts), and proposing and publishing it. Each answer goes into the cache;
 * publishing also re-reads the claim into the document's list, so its highlight and status change at once.
 */
export function useClaimVerdict(claimId: string, documentId: string) {
  const queryClient = useQueryClient();
  const key = claimPartQueryKey(claimId, "verdict");
  const verdict = useQuery({ queryKey: key, queryFn: () => apiClient.getVerdict(claimId) });
  const put = (view: ClaimVerdictView) => queryClient.setQueryData(key, view);

  const propose = useMutation({
    mutationFn: (body: ProposeVerdictRequest) => apiClient.proposeVerdict(claimId, body),
    onSuccess: put,
  });
  const publish = useMutation({
    mutationFn: () => apiClient.publishVerdict(claimId),
    onSuccess: async (view) => {
      put(view);
      const claim = await apiClient.getClaim(claimId).catch(() => null);
      if (claim) queryClient.setQueryData<ClaimView[]>(claimsQueryKey(documentId), (claims) => upsertClaim(claims, claim));
    },
    // Someone else may have published it first (409): show what is there now.
    onError: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  return { verdict, propose, publish };
}

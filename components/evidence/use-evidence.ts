"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { claimPartQueryKey } from "@/components/claims/claims-cache";
import { apiClient } from "@/lib/api/client";
import type { CreateEvidenceRequest, EvidenceView, UpdateEvidenceRequest } from "@/lib/evidence/schema";

/** Puts evidence in the list: replaces it where it is, or adds it at the end (the list is oldest first). */
function upsertEvidence(list: readonly EvidenceView[] | undefined, evidence: EvidenceView): EvidenceView[] {
  const items = list ?? [];
  return items.some((item) => item.id === evidence.id) ? items.map((item) => (item.id === evidence.id ? evidence : item)) : [...items, evidence];
}

/**
 * A claim's evidence, and the mutations on it. The list lives under `claimPartQueryKey(claimId, "evidence")`,
 * which the live stream invalidates when anyone changes the claim's evidence (components/live/apply-live-events.ts);
 * each answer of this page's own changes goes straight into it. A failed request reads the list again.
 */
export function useEvidence(claimId: string) {
  const queryClient = useQueryClient();
  const key = claimPartQueryKey(claimId, "evidence");
  const evidence = useQuery({ queryKey: key, queryFn: () => apiClient.listEvidence(claimId) });
  const onSuccess = (item: EvidenceView) => queryClient.setQueryData<EvidenceView[]>(key, (list) => upsertEvidence(list, item));
  const onError = () => void queryClient.invalidateQueries({ queryKey: key });

  const createEvidence = useMutation({
    mutationFn: (body: CreateEvidenceRequest) => apiClient.createEvidence(claimId, body),
    onSuccess,
    onError,
  });
  const updateEvidence = useMutation({
    mutationFn: ({ evidenceId, body }: { evidenceId: string; body: UpdateEvidenceRequest }) => apiClient.updateEvidence(evidenceId, body),
    onSuccess,
    onError,
  });
  const deleteEvidence = useMutation({
    mutationFn: (evidenceId: string) => apiClient.deleteEvidence(evidenceId),
    onSuccess: (_answer, evidenceId) => queryClient.setQueryData<EvidenceView[]>(key, (list) => list?.filter((item) => item.id !== evidenceId)),
    onError,
  });
  return { evidence, createEvidence, updateEvidence, deleteEvidence };
}

"use client";

import { useQuery } from "@tanstack/react-query";

import { teamTagsQueryKey } from "@/components/tags/use-team-tags";
import { apiClient } from "@/lib/api/client";
import type { TagView } from "@/lib/tags/schema";

/**
 * The tags a document's claims can carry, as a document page needs them (no usage counts). It lives under the
 * team's tags key, so invalidating the team's tags (a live `tag.*` change, the tag page's mutations) refreshes it.
 */
export const documentTagsQueryKey = (teamId: string) => [...teamTagsQueryKey(teamId), "names"] as const;

/** The team's tags, seeded with what the server rendered. */
export function useDocumentTags(teamId: string, initialTags: TagView[]) {
  return useQuery({
    queryKey: documentTagsQueryKey(teamId),
    queryFn: async (): Promise<TagView[]> =>
      (await apiClient.listTeamTags(teamId)).items.map(({ id, name, color }) => ({ id, name, color })),
    initialData: initialTags,
  });
}

"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { apiClient } from "@/lib/api/client";
import type { TeamTagsView } from "@/lib/tags/schema";

export const teamTagsQueryKey = (teamId: string) => ["teams", teamId, "tags"] as const;

/** A team's tags with their usage, seeded with what the server rendered, and the mutations on them. */
export function useTeamTags(initial: TeamTagsView) {
  const queryClient = useQueryClient();
  const teamId = initial.team.id;
  const key = teamTagsQueryKey(teamId);
  const tags = useQuery({ queryKey: key, queryFn: () => apiClient.listTeamTags(teamId), initialData: initial });
  // Refetch in the background; each mutation is done once the server answered.
  const onSettled = () => void queryClient.invalidateQueries({ queryKey: key });

  const createTag = useMutation({
    mutationFn: (body: { name: string; color: string }) => apiClient.createTag(teamId, body),
    onSuccess: (tag) => queryClient.setQueryData<TeamTagsView>(key, (page) => (page ? { ...page, items: [...page.items, tag] } : page)),
    onSettled,
  });
  const updateTag = useMutation({
    mutationFn: ({ tagId, body }: { tagId: string; body: { name?: string; color?: string } }) => apiClient.updateTag(tagId, body),
    onSuccess: (tag) =>
      queryClient.setQueryData<TeamTagsView>(key, (page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === tag.id ? tag : item)) } : page,
      ),
    onSettled,
  });
  const deleteTag = useMutation({
    mutationFn: (tagId: string) => apiClient.deleteTag(tagId),
    onSuccess: (_result, tagId) =>
      queryClient.setQueryData<TeamTagsView>(key, (page) => (page ? { ...page, items: page.items.filter((item) => item.id !== tagId) } : page)),
    onSettled,
  });
  return { tags, createTag, updateTag, deleteTag };
}

"use client";

import { useQuery } from "@tanstack/react-query";

import { apiClient } from "@/lib/api/client";

export const teamMembersQueryKey = (teamId: string) => ["teams", teamId, "members"] as const;

/**
 * A team's members (GET /api/teams/{id}/members), read once per team and page (when `enabled`): for the mention
 * picker, emphasising mentions in comments and picking a claim's assignee. Membership changes rarely during a
 * discussion; a minute later (or a reload) picks them up.
 */
export function useTeamMembers(teamId: string | null, enabled = true) {
  return useQuery({
    queryKey: teamMembersQueryKey(teamId ?? ""),
    queryFn: () => apiClient.listTeamMembers(teamId!),
    enabled: enabled && teamId !== null,
    staleTime: 60_000,
  });
}

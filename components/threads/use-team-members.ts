"use client";

import { useQuery } from "@tanstack/react-query";

import { apiClient } from "@/lib/api/client";

export const teamMembersQueryKey = (teamId: string) => ["teams", teamId, "members"] as const;

/**
 * A team's members (GET /api/teams/{id}/members), read once per team and page: for the mention picker and for
 * emphasising mentions in comments. Membership changes rarely during a discussion; a reload picks them up.
 */
export function useTeamMembers(teamId: string | null) {
  return useQuery({
    queryKey: teamMembersQueryKey(teamId ?? ""),
    queryFn: () => apiClient.listTeamMembers(teamId!),
    enabled: teamId !== null,
    staleTime: Infinity,
  });
}

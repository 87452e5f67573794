"use client";

import { createContext, useContext, type ReactNode } from "react";

const ThreadTeamContext = createContext<string | null>(null);

/**
 * Names the team whose discussions are shown below it, for the mention picker's list of members: the claim panel
 * hands its threads the claim and document, not the team (components/documents/document-sidebar.tsx provides it).
 */
export function ThreadTeamProvider({ teamId, children }: { teamId: string; children: ReactNode }) {
  return <ThreadTeamContext value={teamId}>{children}</ThreadTeamContext>;
}

/** The team of the discussions being shown, or null outside a `ThreadTeamProvider` (then nobody can be mentioned). */
export function useThreadTeamId(): string | null {
  return useContext(ThreadTeamContext);
}

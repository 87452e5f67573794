import { notFound } from "next/navigation";
import type { ReactNode } from "react";

import { RoleBadge } from "@/components/teams/role-badge";
import { TeamNav } from "@/components/teams/team-nav";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getTeamForActor } from "@/lib/teams/service";

// The team's header and tabs. Each page still reads its data through lib/, which authorises again.
export default async function TeamLayout({ children, params }: { children: ReactNode; params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}`);
  const team = await getTeamForActor(actor, teamId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <header className="mb-6 flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{team.name}</h1>
          <RoleBadge role={team.role} />
        </div>
        <TeamNav teamId={team.id} abilities={team.abilities} />
      </header>
      {children}
    </main>
  );
}

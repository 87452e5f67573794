import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DeleteTeamForm, LeaveTeamButton, RenameTeamForm, TransferOwnershipForm } from "@/components/teams/team-settings";
import { requirePageActor } from "@/lib/auth/actor";
import { getTeamForActor, listMembers } from "@/lib/teams/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams.settings");
  return { title: t("title") };
}

export default async function TeamSettingsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/settings`);
  const [team, members] = await Promise.all([getTeamForActor(actor, teamId), listMembers(actor, teamId)]);
  return (
    <div className="flex flex-col gap-10">
      {team.abilities.canRename ? <RenameTeamForm teamId={team.id} name={team.name} /> : null}
      {team.abilities.canTransferOwnership ? <TransferOwnershipForm teamId={team.id} members={members} /> : null}
      {team.role !== "OWNER" ? <LeaveTeamButton teamId={team.id} teamName={team.name} /> : null}
      {team.abilities.canDelete ? <DeleteTeamForm teamId={team.id} teamName={team.name} /> : null}
    </div>
  );
}

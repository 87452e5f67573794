import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { InvitePanel } from "@/components/teams/invite-panel";
import { MemberList } from "@/components/teams/member-list";
import { requirePageActor } from "@/lib/auth/actor";
import { listInvitesForTeam } from "@/lib/invites/service";
import { getInvitableRoles } from "@/lib/teams/policy";
import { getTeamForActor, listMembers } from "@/lib/teams/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

export default async function TeamMembersPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/members`);
  const [team, members] = await Promise.all([getTeamForActor(actor, teamId), listMembers(actor, teamId)]);
  const invites = team.abilities.canInvite ? await listInvitesForTeam(actor, teamId) : [];
  return (
    <div className="flex flex-col gap-10">
      <MemberList teamId={team.id} members={members} canManageMembers={team.abilities.canManageMembers} />
      {team.abilities.canInvite ? <InvitePanel teamId={team.id} invitableRoles={getInvitableRoles(team.role)} invites={invites} /> : null}
    </div>
  );
}

import { withActor } from "@/lib/api/route";
import { leaveTeam } from "@/lib/teams/service";

// POST /api/teams/{id}/leave — leave a team (the owner transfers ownership first)
export const POST = withActor<{ teamId: string }>(async ({ actor, params }) => {
  await leaveTeam(actor, params.teamId);
  return new Response(null, { status: 204 });
});

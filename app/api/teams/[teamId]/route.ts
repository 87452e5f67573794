import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { deleteTeamInputSchema, renameTeamInputSchema } from "@/lib/teams/schema";
import { deleteTeam, getTeamForActor, renameTeam } from "@/lib/teams/service";

// GET /api/teams/{id} — one team, with the caller's role and abilities
export const GET = withActor<{ teamId: string }>(async ({ actor, params }) => jsonResponse(await getTeamForActor(actor, params.teamId)));

// PATCH /api/teams/{id} — rename a team (owner)
export const PATCH = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, renameTeamInputSchema);
  return jsonResponse(await renameTeam(actor, params.teamId, input));
});

// DELETE /api/teams/{id} — delete a team and all its data (owner; body { confirmName })
export const DELETE = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, deleteTeamInputSchema);
  await deleteTeam(actor, params.teamId, input);
  return new Response(null, { status: 204 });
});

import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { createTeamInputSchema } from "@/lib/teams/schema";
import { createTeam, listTeamsForActor } from "@/lib/teams/service";

// GET /api/teams — the caller's teams, with their role in each
export const GET = withActor(async ({ actor }) => jsonResponse({ items: await listTeamsForActor(actor) }));

// POST /api/teams — create a team; the caller becomes its owner
export const POST = withActor(async ({ actor, request }) => {
  const input = await readJsonBody(request, createTeamInputSchema);
  return jsonResponse(await createTeam(actor, input), 201);
});

import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { memberTargetSchema } from "@/lib/teams/schema";
import { getTeamForActor, transferOwnership } from "@/lib/teams/service";

// POST /api/teams/{id}/ownership — transfer ownership to another member (owner; body { userId })
export const POST = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, memberTargetSchema);
  await transferOwnership(actor, params.teamId, input.userId);
  return jsonResponse(await getTeamForActor(actor, params.teamId));
});

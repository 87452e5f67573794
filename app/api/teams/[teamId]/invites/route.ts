import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { createInviteInputSchema } from "@/lib/invites/schema";
import { createInvite, listInvitesForTeam } from "@/lib/invites/service";

// GET /api/teams/{id}/invites — a team's invitations (owners and moderators)
export const GET = withActor<{ teamId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listInvitesForTeam(actor, params.teamId) }),
);

// POST /api/teams/{id}/invites — create an invitation link/code (owners and moderators)
export const POST = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, createInviteInputSchema);
  return jsonResponse(await createInvite(actor, params.teamId, input), 201);
});

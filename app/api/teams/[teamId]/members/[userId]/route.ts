import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { changeRoleInputSchema } from "@/lib/teams/schema";
import { changeMemberRole, listMembers, removeMember } from "@/lib/teams/service";

// PATCH /api/teams/{id}/members/{userId} — change a member's role (owner); answers the updated member list
export const PATCH = withActor<{ teamId: string; userId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, changeRoleInputSchema);
  await changeMemberRole(actor, params.teamId, params.userId, input);
  return jsonResponse({ items: await listMembers(actor, params.teamId) });
});

// DELETE /api/teams/{id}/members/{userId} — remove a member (owner)
export const DELETE = withActor<{ teamId: string; userId: string }>(async ({ actor, params }) => {
  await removeMember(actor, params.teamId, params.userId);
  return new Response(null, { status: 204 });
});

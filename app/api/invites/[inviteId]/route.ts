import { withActor } from "@/lib/api/route";
import { revokeInvite } from "@/lib/invites/service";

// DELETE /api/invites/{id} — revoke an invitation (owners and moderators)
export const DELETE = withActor<{ inviteId: string }>(async ({ actor, params }) => {
  await revokeInvite(actor, params.inviteId);
  return new Response(null, { status: 204 });
});

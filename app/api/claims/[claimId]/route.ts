import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { updateClaimInputSchema } from "@/lib/claims/schema";
import { deleteClaim, getClaimForActor, updateClaim } from "@/lib/claims/service";

// GET /api/claims/{id} — one claim
export const GET = withActor<{ claimId: string }>(async ({ actor, params }) =>
  jsonResponse(await getClaimForActor(actor, params.claimId)),
);

// PATCH /api/claims/{id} — change a claim's tags or visibility (its author), or its check: status, assignee, due date
export const PATCH = withActor<{ claimId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, updateClaimInputSchema);
  return jsonResponse(await updateClaim(actor, params.claimId, input));
});

// DELETE /api/claims/{id} — delete a claim and its thread (its author, a moderator or an owner)
export const DELETE = withActor<{ claimId: string }>(async ({ actor, params }) => {
  await deleteClaim(actor, params.claimId);
  return new Response(null, { status: 204 });
});

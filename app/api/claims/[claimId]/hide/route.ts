import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { hideClaim, unhideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";

// POST /api/claims/{id}/hide — hide a claim with a reason (moderators and owners); notifies its author
export const POST = withActor<{ claimId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, hideInputSchema);
  return jsonResponse(await hideClaim(actor, params.claimId, input));
});

// DELETE /api/claims/{id}/hide — restore a hidden claim (moderators and owners)
export const DELETE = withActor<{ claimId: string }>(async ({ actor, params }) =>
  jsonResponse(await unhideClaim(actor, params.claimId)),
);

import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { reattachClaim } from "@/lib/versions/attention";
import { reattachClaimInputSchema } from "@/lib/versions/schema";

// POST /api/claims/{id}/reattach — point a changed or orphaned claim at other text of the latest version
export const POST = withActor<{ claimId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, reattachClaimInputSchema);
  return jsonResponse(await reattachClaim(actor, params.claimId, input));
});

import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { getThreadResolution, setThreadResolved } from "@/lib/threads/resolution";
import { setThreadResolvedInputSchema } from "@/lib/threads/schema";

// GET /api/claims/{id}/thread — whether the claim's discussion is resolved, when and by whom
export const GET = withActor<{ claimId: string }>(async ({ actor, params }) =>
  jsonResponse(await getThreadResolution(actor, params.claimId)),
);

// PUT /api/claims/{id}/thread — resolve or reopen the claim's discussion (idempotent); answers the claim
export const PUT = withActor<{ claimId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, setThreadResolvedInputSchema);
  return jsonResponse(await setThreadResolved(actor, params.claimId, input));
});

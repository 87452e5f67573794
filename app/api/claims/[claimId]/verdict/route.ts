import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { proposeVerdictInputSchema } from "@/lib/verdicts/schema";
import { getClaimVerdict, proposeVerdict } from "@/lib/verdicts/service";

// GET /api/claims/{id}/verdict — the claim's proposed and published verdict, with every publication
export const GET = withActor<{ claimId: string }>(async ({ actor, params }) =>
  jsonResponse(await getClaimVerdict(actor, params.claimId)),
);

// PUT /api/claims/{id}/verdict — propose a verdict (members and up), replacing the proposal waiting
export const PUT = withActor<{ claimId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, proposeVerdictInputSchema);
  return jsonResponse(await proposeVerdict(actor, params.claimId, input));
});

import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { createEvidenceInputSchema } from "@/lib/evidence/schema";
import { createEvidence, listEvidenceForClaim } from "@/lib/evidence/service";

// GET /api/claims/{id}/evidence — a claim's evidence, oldest first
export const GET = withActor<{ claimId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listEvidenceForClaim(actor, params.claimId) }),
);

// POST /api/claims/{id}/evidence — add evidence to a claim
export const POST = withActor<{ claimId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, createEvidenceInputSchema);
  return jsonResponse(await createEvidence(actor, params.claimId, input), 201);
});

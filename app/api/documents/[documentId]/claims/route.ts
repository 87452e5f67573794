import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, listClaimsForDocument } from "@/lib/claims/service";

// GET /api/documents/{id}/claims — the claims the caller can read, in document order
export const GET = withActor<{ documentId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listClaimsForDocument(actor, params.documentId) }),
);

// POST /api/documents/{id}/claims — create a claim from W3C selectors and tag names
export const POST = withActor<{ documentId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, createClaimInputSchema);
  return jsonResponse(await createClaim(actor, params.documentId, input), 201);
});

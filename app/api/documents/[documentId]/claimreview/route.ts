import { withActor } from "@/lib/api/route";
import { getClaimReviewsForDocument } from "@/lib/claimreview/service";
import { getPublicOrigin } from "@/lib/publications/public-origin";

// GET /api/documents/{id}/claimreview — the document's published verdicts as schema.org ClaimReview (JSON-LD)
export const GET = withActor<{ documentId: string }>(async ({ actor, params, request }) => {
  const reviews = await getClaimReviewsForDocument(actor, params.documentId, { origin: getPublicOrigin(request.headers) });
  return new Response(JSON.stringify(reviews), {
    headers: { "Content-Type": "application/ld+json; charset=utf-8", "Cache-Control": "no-store" },
  });
});

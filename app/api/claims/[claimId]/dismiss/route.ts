import { jsonResponse, withActor } from "@/lib/api/route";
import { dismissClaimAttention } from "@/lib/versions/attention";

// POST /api/claims/{id}/dismiss — take a changed or orphaned claim off "Needs attention"
export const POST = withActor<{ claimId: string }>(async ({ actor, params }) => jsonResponse(await dismissClaimAttention(actor, params.claimId)));

import { jsonResponse, withActor } from "@/lib/api/route";
import { publishVerdict } from "@/lib/verdicts/service";

// POST /api/claims/{id}/verdict/publish — publish the proposed verdict (moderators and owners); the claim becomes checked
export const POST = withActor<{ claimId: string }>(async ({ actor, params }) =>
  jsonResponse(await publishVerdict(actor, params.claimId)),
);

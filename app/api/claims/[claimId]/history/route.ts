import { jsonResponse, withActor } from "@/lib/api/route";
import { listClaimHistory } from "@/lib/checks/service";

// GET /api/claims/{id}/history — a claim's history (check, verdicts, evidence, thread), oldest first
export const GET = withActor<{ claimId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listClaimHistory(actor, params.claimId) }),
);

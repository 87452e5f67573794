import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { createCommentInputSchema } from "@/lib/threads/schema";
import { createComment, listCommentsForClaim } from "@/lib/threads/service";

// GET /api/claims/{id}/comments — a claim's thread, oldest first
export const GET = withActor<{ claimId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listCommentsForClaim(actor, params.claimId) }),
);

// POST /api/claims/{id}/comments — comment on a claim, or reply with `parentId`
export const POST = withActor<{ claimId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, createCommentInputSchema);
  return jsonResponse(await createComment(actor, params.claimId, input), 201);
});

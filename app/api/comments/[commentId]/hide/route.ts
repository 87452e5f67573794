import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { hideInputSchema } from "@/lib/moderation/schema";
import { hideComment, unhideComment } from "@/lib/threads/service";

// POST /api/comments/{id}/hide — hide a comment with a reason (moderators and owners); notifies its author
export const POST = withActor<{ commentId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, hideInputSchema);
  return jsonResponse(await hideComment(actor, params.commentId, input));
});

// DELETE /api/comments/{id}/hide — restore a hidden comment (moderators and owners)
export const DELETE = withActor<{ commentId: string }>(async ({ actor, params }) =>
  jsonResponse(await unhideComment(actor, params.commentId)),
);

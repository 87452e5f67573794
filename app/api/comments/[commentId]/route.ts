import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { updateCommentInputSchema } from "@/lib/threads/schema";
import { deleteComment, updateComment } from "@/lib/threads/service";

// PATCH /api/comments/{id} — edit one's own comment
export const PATCH = withActor<{ commentId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, updateCommentInputSchema);
  return jsonResponse(await updateComment(actor, params.commentId, input));
});

// DELETE /api/comments/{id} — delete a comment (leaves a tombstone for its replies)
export const DELETE = withActor<{ commentId: string }>(async ({ actor, params }) =>
  jsonResponse(await deleteComment(actor, params.commentId)),
);

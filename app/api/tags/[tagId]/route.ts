import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { updateTagInputSchema } from "@/lib/tags/schema";
import { deleteTag, updateTag } from "@/lib/tags/service";

// PATCH /api/tags/{id} — rename and/or recolour a tag (moderators and owners)
export const PATCH = withActor<{ tagId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, updateTagInputSchema);
  return jsonResponse(await updateTag(actor, params.tagId, input));
});

// DELETE /api/tags/{id} — delete a tag; it comes off every claim that had it (moderators and owners)
export const DELETE = withActor<{ tagId: string }>(async ({ actor, params }) => {
  await deleteTag(actor, params.tagId);
  return new Response(null, { status: 204 });
});

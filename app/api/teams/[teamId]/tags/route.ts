import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { createTagInputSchema } from "@/lib/tags/schema";
import { createTag, listTagsWithUsage } from "@/lib/tags/service";

// GET /api/teams/{id}/tags — a team's tags with how many claims carry each, and whether the caller may manage them
export const GET = withActor<{ teamId: string }>(async ({ actor, params }) =>
  jsonResponse(await listTagsWithUsage(actor, params.teamId)),
);

// POST /api/teams/{id}/tags — create a tag with a palette colour (moderators and owners)
export const POST = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, createTagInputSchema);
  return jsonResponse(await createTag(actor, params.teamId, input), 201);
});

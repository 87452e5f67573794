import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { getTeamRatingScale, updateRatingScale } from "@/lib/verdicts/rating-scale";
import { updateRatingScaleInputSchema } from "@/lib/verdicts/schema";

// GET /api/teams/{id}/ratings — the team's rating scale, best first, and whether the caller may edit it
export const GET = withActor<{ teamId: string }>(async ({ actor, params }) =>
  jsonResponse(await getTeamRatingScale(actor, params.teamId)),
);

// PUT /api/teams/{id}/ratings — set the scale's labels and colours (owners)
export const PUT = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, updateRatingScaleInputSchema);
  return jsonResponse(await updateRatingScale(actor, params.teamId, input));
});

import { jsonResponse, withActor } from "@/lib/api/route";
import { parseDeskQuery } from "@/lib/desk/schema";
import { listDeskClaims } from "@/lib/desk/service";

// GET /api/teams/{id}/claims?q=&status=&verdict=&tag=&assignee=&author=&document=&sort=&limit=&after= — the desk: the team's claims, filtered and searched, a page at a time
export const GET = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const query = parseDeskQuery(new URL(request.url).searchParams);
  return jsonResponse(await listDeskClaims(actor, params.teamId, query));
});

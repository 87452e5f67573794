import { jsonResponse, withActor } from "@/lib/api/route";
import { listMembers } from "@/lib/teams/service";

// GET /api/teams/{id}/members — a team's members and roles
export const GET = withActor<{ teamId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listMembers(actor, params.teamId) }),
);

import { jsonResponse, withActor } from "@/lib/api/route";
import { listAuditEvents } from "@/lib/audit/service";

// GET /api/teams/{id}/audit?before=<cursor> — a page of the team's audit log, newest first (owner)
export const GET = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const before = new URL(request.url).searchParams.get("before") ?? undefined;
  return jsonResponse(await listAuditEvents(actor, params.teamId, { before }));
});

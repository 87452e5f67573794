import { jsonResponse, withActor } from "@/lib/api/route";
import { acceptInvite, getInvitePreview } from "@/lib/invites/service";

// GET /api/join/{code} — what an invitation code leads to (team name, role)
export const GET = withActor<{ code: string }>(async ({ actor, params }) => jsonResponse(await getInvitePreview(actor, params.code)));

// POST /api/join/{code} — join the team with an invitation code
export const POST = withActor<{ code: string }>(async ({ actor, params }) => jsonResponse(await acceptInvite(actor, params.code)));

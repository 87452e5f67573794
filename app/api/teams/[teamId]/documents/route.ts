import { jsonResponse, withActor } from "@/lib/api/route";
import { readCreateDocumentRequest } from "@/lib/documents/import/request";
import { createDocument, listDocumentsForTeam } from "@/lib/documents/service";

// GET /api/teams/{id}/documents — a team's documents
export const GET = withActor<{ teamId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listDocumentsForTeam(actor, params.teamId) }),
);

// POST /api/teams/{id}/documents — add an article: JSON (text, Markdown or HTML) or an uploaded file (owners and moderators)
export const POST = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  const input = await readCreateDocumentRequest(request);
  return jsonResponse(await createDocument(actor, params.teamId, input), 201);
});

import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { createDocumentInputSchema } from "@/lib/documents/schema";
import { createDocument, listDocumentsForTeam } from "@/lib/documents/service";

// GET /api/teams/{id}/documents — a team's documents
export const GET = withActor<{ teamId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listDocumentsForTeam(actor, params.teamId) }),
);

// POST /api/teams/{id}/documents — add an article from its plain text (owners and moderators)
export const POST = withActor<{ teamId: string }>(async ({ actor, params, request }) => {
  // Articles are longer than other bodies: up to 200,000 characters of text.
  const input = await readJsonBody(request, createDocumentInputSchema, { maxBodyBytes: 1024 * 1024 });
  return jsonResponse(await createDocument(actor, params.teamId, input), 201);
});

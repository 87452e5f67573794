import { jsonResponse, withActor } from "@/lib/api/route";
import { listVersions } from "@/lib/versions/history";
import { readCreateVersionRequest } from "@/lib/versions/request";
import { createVersion } from "@/lib/versions/service";

// GET /api/documents/{id}/versions — the document's versions, newest first
export const GET = withActor<{ documentId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listVersions(actor, params.documentId) }),
);

// POST /api/documents/{id}/versions — save a new version (owners and moderators): the editor's JSON, text, Markdown or
// HTML as JSON, or an uploaded file; every claim is re-anchored
export const POST = withActor<{ documentId: string }>(async ({ actor, params, request }) => {
  const source = await readCreateVersionRequest(request);
  return jsonResponse(await createVersion(actor, params.documentId, source), 201);
});

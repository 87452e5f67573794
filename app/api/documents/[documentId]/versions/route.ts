import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { createVersionInputSchema } from "@/lib/versions/schema";
import { createVersion } from "@/lib/versions/service";
import { listVersions } from "@/lib/versions/history";

// GET /api/documents/{id}/versions — the document's versions, newest first
export const GET = withActor<{ documentId: string }>(async ({ actor, params }) =>
  jsonResponse({ items: await listVersions(actor, params.documentId) }),
);

// POST /api/documents/{id}/versions — save a new version of the text (owners and moderators); claims re-anchor
export const POST = withActor<{ documentId: string }>(async ({ actor, params, request }) => {
  // A whole article, as ProseMirror JSON or text: more than other bodies.
  const input = await readJsonBody(request, createVersionInputSchema, { maxBodyBytes: 6 * 1024 * 1024 });
  return jsonResponse(await createVersion(actor, params.documentId, input), 201);
});

import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { updateDocumentInputSchema } from "@/lib/documents/schema";
import { getDocumentForActor, updateDocument } from "@/lib/documents/service";

// GET /api/documents/{id} — one document, with `content` (tiptap JSON), `lang` and `text` (what selectors index into)
export const GET = withActor<{ documentId: string }>(async ({ actor, params }) =>
  jsonResponse(await getDocumentForActor(actor, params.documentId)),
);

// PATCH /api/documents/{id} — correct the metadata: lang, title, byline, sourceUrl, publishedAt (owners and moderators)
export const PATCH = withActor<{ documentId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, updateDocumentInputSchema);
  return jsonResponse(await updateDocument(actor, params.documentId, input));
});

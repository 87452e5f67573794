import { jsonResponse, withActor } from "@/lib/api/route";
import { getPublicOrigin } from "@/lib/publications/public-origin";
import { getPublicationForActor, publishDocument, unpublishDocument } from "@/lib/publications/service";

// GET /api/documents/{id}/publication — whether the document has a public page, and where
export const GET = withActor<{ documentId: string }>(async ({ actor, params, request }) =>
  jsonResponse(await getPublicationForActor(actor, params.documentId, { origin: getPublicOrigin(request.headers) })),
);

// POST /api/documents/{id}/publication — publish the document's public page, or refresh it (moderators and owners)
export const POST = withActor<{ documentId: string }>(async ({ actor, params, request }) => {
  const { publication, created } = await publishDocument(actor, params.documentId, { origin: getPublicOrigin(request.headers) });
  return jsonResponse(publication, created ? 201 : 200);
});

// DELETE /api/documents/{id}/publication — take the public page down (moderators and owners)
export const DELETE = withActor<{ documentId: string }>(async ({ actor, params }) => {
  await unpublishDocument(actor, params.documentId);
  return new Response(null, { status: 204 });
});

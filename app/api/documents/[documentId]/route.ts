import { jsonResponse, withActor } from "@/lib/api/route";
import { getDocumentForActor } from "@/lib/documents/service";

// GET /api/documents/{id} — one document, with `content` (tiptap JSON) and `text` (what selectors index into)
export const GET = withActor<{ documentId: string }>(async ({ actor, params }) =>
  jsonResponse(await getDocumentForActor(actor, params.documentId)),
);

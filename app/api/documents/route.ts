import { jsonResponse, withActor } from "@/lib/api/route";
import { listDocumentsForActor } from "@/lib/documents/service";

// GET /api/documents — the documents of every team the caller belongs to
export const GET = withActor(async ({ actor }) => jsonResponse({ items: await listDocumentsForActor(actor) }));

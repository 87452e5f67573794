import { jsonResponse, withActor } from "@/lib/api/route";
import { notFound } from "@/lib/errors";
import { getVersion } from "@/lib/versions/history";
import { versionNumberSchema } from "@/lib/versions/schema";

// GET /api/documents/{id}/versions/{number} — one version, read-only, with its claims as they were then
export const GET = withActor<{ documentId: string; number: string }>(async ({ actor, params }) => {
  const number = versionNumberSchema.safeParse(params.number);
  if (!number.success) throw notFound("errors.versions.notFound");
  return jsonResponse(await getVersion(actor, params.documentId, number.data));
});

import { jsonResponse, readJsonBody, withActor } from "@/lib/api/route";
import { updateEvidenceInputSchema } from "@/lib/evidence/schema";
import { deleteEvidence, updateEvidence } from "@/lib/evidence/service";

// PATCH /api/evidence/{id} — change evidence (its author, a moderator or an owner)
export const PATCH = withActor<{ evidenceId: string }>(async ({ actor, params, request }) => {
  const input = await readJsonBody(request, updateEvidenceInputSchema);
  return jsonResponse(await updateEvidence(actor, params.evidenceId, input));
});

// DELETE /api/evidence/{id} — delete evidence (its author, a moderator or an owner)
export const DELETE = withActor<{ evidenceId: string }>(async ({ actor, params }) => {
  await deleteEvidence(actor, params.evidenceId);
  return new Response(null, { status: 204 });
});

/** Test support for evidence (lib/evidence): inputs parsed as the routes parse them, and the claim history as stored. */
import { createEvidenceInputSchema, updateEvidenceInputSchema, type CreateEvidenceInput, type UpdateEvidenceInput } from "@/lib/evidence/schema";
import { getTestDb } from "@/lib/testing/factories";

/** A parsed `POST /api/claims/{id}/evidence` body: a title and a stance, and whatever `input` adds or overrides. */
export function evidenceInputFor(input: Record<string, unknown> = {}): CreateEvidenceInput {
  return createEvidenceInputSchema.parse({ title: "Persbericht van het ministerie", stance: "supports", ...input });
}

/** A parsed `PATCH /api/evidence/{id}` body. */
export function evidenceEditFor(input: Record<string, unknown>): UpdateEvidenceInput {
  return updateEvidenceInputSchema.parse(input);
}

/** A claim's history lines, oldest first, as the tests compare them. */
export async function unsafeReadClaimHistory(claimId: string) {
  return getTestDb().claimHistoryEntry.findMany({
    where: { claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { field: true, actorId: true, from: true, to: true },
  });
}

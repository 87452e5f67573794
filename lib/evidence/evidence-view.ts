import "server-only";

import { getEvidenceAbilities, type EvidenceClaimFacts } from "@/lib/evidence/policy";
import type { EvidenceStanceName, EvidenceView } from "@/lib/evidence/schema";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EvidenceStance, Role } from "@/lib/generated/prisma/enums";

/** The database's stance → the API's name. */
export const evidenceStanceNames = {
  SUPPORTS: "supports",
  REFUTES: "refutes",
  CONTEXT: "context",
} as const satisfies Record<EvidenceStance, EvidenceStanceName>;

/** The API's stance name → the database's. */
export function toDatabaseStance(stance: EvidenceStanceName): EvidenceStance {
  switch (stance) {
    case "supports":
      return "SUPPORTS";
    case "refutes":
      return "REFUTES";
    case "context":
      return "CONTEXT";
  }
}

/** What Prisma reads of evidence for `toEvidenceView`. */
export const evidenceSelect = {
  id: true,
  claimId: true,
  authorId: true,
  url: true,
  title: true,
  quote: true,
  note: true,
  stance: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.EvidenceSelect;

export type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof evidenceSelect }>;

/** Evidence as `actorUserId` (with `role` in the claim's team) sees it, with what they may do to it. */
export function toEvidenceView(row: EvidenceRow, role: Role, actorUserId: string, claim: EvidenceClaimFacts): EvidenceView {
  return {
    id: row.id,
    claimId: row.claimId,
    url: row.url,
    title: row.title,
    quote: row.quote,
    note: row.note,
    stance: evidenceStanceNames[row.stance],
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: getEvidenceAbilities(role, actorUserId, row, claim),
  };
}

/** What a line of the claim's history records of a piece of evidence (`from`/`to`): its title and stance. */
export function toEvidenceHistoryValue(row: Pick<EvidenceRow, "title" | "stance">): { title: string; stance: EvidenceStanceName } {
  return { title: row.title, stance: evidenceStanceNames[row.stance] };
}

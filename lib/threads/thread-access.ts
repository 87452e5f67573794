import "server-only";

import { actorMembershipSelect, readableClaimWhere, roleIn } from "@/lib/access/rules";
import type { Actor } from "@/lib/auth/actor";
import { canSeeHiddenClaim } from "@/lib/claims/policy";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids";

/** What the thread services read of the claim a thread belongs to. */
export const threadClaimSelect = {
  id: true,
  teamId: true,
  documentId: true,
  authorId: true,
  assigneeId: true,
  visibility: true,
  hiddenAt: true,
  threadResolvedAt: true,
  threadResolvedById: true,
  document: { select: { title: true } },
} satisfies Prisma.ClaimSelect;

export type ThreadClaim = Prisma.ClaimGetPayload<{ select: typeof threadClaimSelect }>;

/**
 * A hidden claim's thread is readable only by those who may moderate the claim: for everyone else the claim
 * is a placeholder, and its discussion is not found (404), as if it had none to show.
 */
export function canReadThread(claim: Pick<ThreadClaim, "hiddenAt">, role: Role): boolean {
  return claim.hiddenAt === null || canSeeHiddenClaim(role);
}

/** The actor's role in the team of a claim they can read (lib/access), and the claim's facts; or a 404. */
export async function getThreadAccess(actor: Actor, claimId: string): Promise<{ role: Role; claim: ThreadClaim }> {
  if (!isId(claimId)) throw notFound("errors.claims.notFound");
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, ...readableClaimWhere(actor) },
    select: { ...threadClaimSelect, team: { select: actorMembershipSelect(actor) } },
  });
  const role = roleIn(claim?.team);
  if (!claim || !role) throw notFound("errors.claims.notFound");
  return { role, claim };
}

import "server-only";

import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimVerdictView, VerdictPersonView } from "@/lib/verdicts/schema";

const personSelect = { select: { id: true, name: true } } as const;

/**
 * A claim's verdict as the API shows it: the waiting proposal, the published verdict and every publication,
 * oldest first. `unsafe`: it authorises nothing; callers have checked that the actor may read the claim's
 * verdict (lib/verdicts/service.ts).
 */
export async function unsafeReadClaimVerdict(claimId: string, db: Prisma.TransactionClient = getDb()): Promise<ClaimVerdictView> {
  const [proposal, verdict, revisions] = await Promise.all([
    db.verdictProposal.findUnique({
      where: { claimId },
      select: { rating: true, summary: true, proposedAt: true, proposedBy: personSelect },
    }),
    db.verdict.findUnique({ where: { claimId }, select: { rating: true, summary: true, firstPublishedAt: true, lastPublishedAt: true } }),
    db.verdictRevision.findMany({
      where: { claimId },
      orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      select: { rating: true, summary: true, publishedAt: true, proposedById: true, publishedBy: personSelect },
    }),
  ]);
  // A revision keeps its proposer's id without a relation (the proposal it came from is gone): names in one read.
  const proposerIds = [...new Set(revisions.flatMap((revision) => (revision.proposedById ? [revision.proposedById] : [])))];
  const proposers = proposerIds.length === 0 ? [] : await db.user.findMany({ where: { id: { in: proposerIds } }, ...personSelect });
  const proposer = (id: string | null): VerdictPersonView => proposers.find((user) => user.id === id) ?? null;
  const latest = revisions.at(-1);
  return {
    proposal: proposal && {
      rating: proposal.rating,
      summary: proposal.summary,
      proposedBy: proposal.proposedBy,
      proposedAt: proposal.proposedAt.toISOString(),
    },
    published: verdict && {
      rating: verdict.rating,
      summary: verdict.summary,
      publishedAt: verdict.firstPublishedAt.toISOString(),
      updatedAt: verdict.lastPublishedAt.getTime() === verdict.firstPublishedAt.getTime() ? null : verdict.lastPublishedAt.toISOString(),
      publishedBy: latest?.publishedBy ?? null,
    },
    revisions: revisions.map((revision) => ({
      rating: revision.rating,
      summary: revision.summary,
      publishedAt: revision.publishedAt.toISOString(),
      publishedBy: revision.publishedBy,
      proposedBy: proposer(revision.proposedById),
    })),
  };
}

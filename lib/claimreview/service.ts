import "server-only";

import { getDocumentAccess } from "@/lib/access/team-access";
import type { Actor } from "@/lib/auth/actor";
import { buildClaimReviews, type ClaimReview } from "@/lib/claimreview/build-claim-reviews";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { unsafeListPublishedClaims } from "@/lib/publications/published-claims";
import { readRatingScale } from "@/lib/verdicts/rating-scale";

/**
 * The ClaimReview objects of a document (one per published verdict of a team-visible claim that is not hidden), for
 * any member of its team; everyone else gets the same 404 as for a missing document. `origin` is the public origin
 * the URLs start with (lib/publications/public-origin.ts).
 */
export async function getClaimReviewsForDocument(actor: Actor, documentId: string, { origin }: { origin: string }): Promise<ClaimReview[]> {
  const access = await getDocumentAccess(actor, documentId);
  const [document, claims, scale] = await Promise.all([
    getDb().document.findUnique({
      where: { id: access.documentId },
      select: { id: true, title: true, publishedOn: true, lang: true, team: { select: { name: true } }, publication: { select: { slug: true } } },
    }),
    unsafeListPublishedClaims(access.documentId, { withEvidence: false }),
    readRatingScale(access.teamId),
  ]);
  // Deleted between the access check and the read.
  if (!document) throw notFound("errors.documents.notFound");
  return buildClaimReviews({
    document,
    team: document.team,
    publicSlug: document.publication?.slug ?? null,
    verdicts: claims.map((claim) => ({ claimId: claim.id, quote: claim.quoteExact, ...claim.verdict })),
    scale,
    origin,
  });
}

import "server-only";

import { anchorClaim } from "@/lib/anchoring";
import { buildClaimReviews, type ClaimReview } from "@/lib/claimreview/build-claim-reviews";
import { getDb } from "@/lib/db";
import { documentContentSchema, type DocumentContent } from "@/lib/documents/content-schema";
import { unsafeListPublishedClaims, type PublishedClaim } from "@/lib/publications/published-claims";
import { publicSlugSchema } from "@/lib/publications/schema";
import { readRatingScale } from "@/lib/verdicts/rating-scale";
import type { RatingScaleView } from "@/lib/verdicts/scale";

/** A claim on the public page: its number (in document order) and where it sits in the text, if it can be placed. */
export type PublicPageClaim = PublishedClaim & {
  number: number;
  /** UTF-16 offsets into the document text, or null when the claim's text can no longer be found (listed only). */
  range: { start: number; end: number } | null;
};

/**
 * Everything `/p/{slug}` shows, and nothing more: the article, the team's name as the byline, the published verdicts
 * of team-visible claims that are not hidden with their evidence, and their ClaimReview. No comments, proposals,
 * private or hidden claims, member names or evidence authors are read.
 */
export type PublicPageView = {
  slug: string;
  document: { id: string; title: string; publishedOn: string | null; lang: string; content: DocumentContent; text: string };
  teamName: string;
  publishedAt: Date;
  updatedAt: Date;
  scale: RatingScaleView;
  claims: PublicPageClaim[];
  claimReviews: ClaimReview[];
};

/**
 * The public page published under `slug`, or null when there is none (never published, unpublished, or not a slug
 * at all). No actor: being published is what makes it readable by anyone.
 */
export async function getPublicPage(slug: string, { origin }: { origin: string }): Promise<PublicPageView | null> {
  if (!publicSlugSchema.safeParse(slug).success) return null;
  const publication = await getDb().publication.findUnique({
    where: { slug },
    select: {
      publishedAt: true,
      updatedAt: true,
      teamId: true,
      document: { select: { id: true, title: true, publishedOn: true, lang: true, content: true, text: true, team: { select: { name: true } } } },
    },
  });
  if (!publication) return null;
  const { document } = publication;
  const [published, scale] = await Promise.all([
    unsafeListPublishedClaims(document.id, { withEvidence: true }),
    readRatingScale(publication.teamId),
  ]);
  const claims = numberClaims(published, document.text);
  return {
    slug,
    document: { ...document, content: documentContentSchema.parse(document.content) },
    teamName: document.team.name,
    publishedAt: publication.publishedAt,
    updatedAt: publication.updatedAt,
    scale,
    claims,
    claimReviews: buildClaimReviews({
      document,
      team: document.team,
      publicSlug: slug,
      verdicts: claims.map((claim) => ({ claimId: claim.id, quote: claim.quoteExact, ...claim.verdict })),
      scale,
      origin,
    }),
  };
}

/**
 * Places each claim in the text as the document view does (lib/anchoring: position, then quote, then a fuzzy match)
 * and numbers them in reading order; claims that cannot be placed, and orphans (a new version lost their text:
 * lib/versions), come last, still listed.
 */
function numberClaims(claims: readonly PublishedClaim[], text: string): PublicPageClaim[] {
  const placed = claims.map((claim) => {
    if (claim.anchorState === "ORPHANED") return { claim, range: null };
    const result = anchorClaim(text, {
      quote: { type: "TextQuoteSelector", exact: claim.quoteExact, prefix: claim.quotePrefix, suffix: claim.quoteSuffix },
      position: { type: "TextPositionSelector", start: claim.positionStart, end: claim.positionEnd },
    });
    return { claim, range: result.status === "anchored" ? { start: result.start, end: result.end } : null };
  });
  placed.sort((a, b) => (a.range?.start ?? Infinity) - (b.range?.start ?? Infinity) || (a.range?.end ?? 0) - (b.range?.end ?? 0));
  return placed.map(({ claim, range }, index) => ({ ...claim, range, number: index + 1 }));
}

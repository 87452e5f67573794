import "server-only";

import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimAnchorState, EvidenceStance } from "@/lib/generated/prisma/enums";

/**
 * What of a document may leave the team: claims that are visible to the whole team (never a private one), not
 * hidden by a moderator, and have a published verdict (never a proposal). The one copy of that rule, for the
 * public page, its ETag and ClaimReview.
 */
export function publishedClaimWhere(documentId: string) {
  return { documentId, visibility: "TEAM", hiddenAt: null, verdict: { isNot: null } } satisfies Prisma.ClaimWhereInput;
}

/**
 * SQL condition on the claim row `claimAlias` (joined to its verdict as `verdictAlias`): `publishedClaimWhere`'s rule,
 * for the page's ETag (lib/publications/public-page-version.ts). published-claims.integration.test.ts checks that the
 * two agree. Both arguments are table aliases of the query, never user input.
 */
export function publishedClaimSql(claimAlias: string, verdictAlias: string): string {
  return `(${claimAlias}.visibility = 'TEAM' AND ${claimAlias}.hidden_at IS NULL AND ${verdictAlias}.claim_id IS NOT NULL)`;
}

/** A piece of evidence as it may be shown in public: no author, no dates. */
export type PublishedEvidence = { id: string; url: string | null; title: string; quote: string | null; note: string | null; stance: EvidenceStance };

/** A claim that may be shown in public, with its verdict (and its evidence when asked for). */
export type PublishedClaim = {
  id: string;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number;
  positionEnd: number;
  /** An orphaned claim (its text is gone from the latest version) is listed, never drawn on other text. */
  anchorState: ClaimAnchorState;
  verdict: { rating: string; summary: string; firstPublishedAt: Date; lastPublishedAt: Date };
  evidence: PublishedEvidence[];
};

/**
 * The claims of `documentId` that `publishedClaimWhere` lets out, in document order, each with its published
 * verdict and, with `withEvidence`, its evidence (oldest first). `unsafe`: it checks no actor. Callers have either
 * checked that the actor is a member of the document's team (ClaimReview) or found the document published (the
 * public page); either way the rule above decides what is read, and no author or member name is selected.
 */
export async function unsafeListPublishedClaims(
  documentId: string,
  { withEvidence }: { withEvidence: boolean },
  db: Prisma.TransactionClient = getDb(),
): Promise<PublishedClaim[]> {
  const rows = await db.claim.findMany({
    where: publishedClaimWhere(documentId),
    orderBy: [{ positionStart: "asc" }, { positionEnd: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      positionStart: true,
      positionEnd: true,
      anchorState: true,
      verdict: { select: { rating: true, summary: true, firstPublishedAt: true, lastPublishedAt: true } },
      evidence: withEvidence
        ? { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, url: true, title: true, quote: true, note: true, stance: true } }
        : false,
    },
  });
  // The filter guarantees a verdict; the check keeps the type honest.
  return rows.flatMap(({ verdict, evidence, ...claim }) => (verdict ? [{ ...claim, verdict, evidence: evidence ?? [] }] : []));
}

/**
 * Where a document and its claims live, inside Margin and on its public page. Pure: the same paths for the
 * ClaimReview builder, the public page and the document header. Absolute URLs put the public origin
 * (lib/publications/public-origin.ts) in front of these paths.
 */

/** The public page of a published document. */
export function publicPagePath(slug: string): string {
  return `/p/${encodeURIComponent(slug)}`;
}

/** The id of a claim's element on the public page, and the fragment of its link: "claim-<id>". */
export function publicClaimAnchor(claimId: string): string {
  return `claim-${claimId}`;
}

/** A document inside Margin (for its team's members). */
export function documentPagePath(documentId: string): string {
  return `/documents/${encodeURIComponent(documentId)}`;
}

/**
 * A claim's link: its place on the document's public page when the document is published, otherwise the document
 * inside Margin with the claim open.
 */
export function claimLinkPath(input: { documentId: string; claimId: string; publicSlug: string | null }): string {
  return input.publicSlug
    ? `${publicPagePath(input.publicSlug)}#${publicClaimAnchor(input.claimId)}`
    : `${documentPagePath(input.documentId)}?claim=${encodeURIComponent(input.claimId)}`;
}

/** The article's page: its public page when published, otherwise the document inside Margin. */
export function articlePagePath(input: { documentId: string; publicSlug: string | null }): string {
  return input.publicSlug ? publicPagePath(input.publicSlug) : documentPagePath(input.documentId);
}

import { anchorClaim } from "@/lib/anchoring";
import type { ClaimView } from "@/lib/claims/schema";

export type AnchoredClaimView = { claim: ClaimView; start: number; end: number; method: "position" | "quote" | "fuzzy" };

/**
 * Places every claim in the current text (position first, verified by its quote; then the quote; then a fuzzy
 * match). What cannot be placed is returned as orphaned, to be listed, never silently dropped. Claims whose
 * content the server withheld (hidden by a moderator, `target: null`) have nothing to place: they are returned
 * as withheld, in the server's order, to be listed as placeholders.
 */
export function anchorClaims(
  claims: ClaimView[],
  text: string,
): { anchored: AnchoredClaimView[]; orphaned: ClaimView[]; withheld: ClaimView[] } {
  const anchored: AnchoredClaimView[] = [];
  const orphaned: ClaimView[] = [];
  const withheld: ClaimView[] = [];
  for (const claim of claims) {
    if (!claim.target) {
      withheld.push(claim);
      continue;
    }
    const [quote, position] = claim.target.selector;
    const result = anchorClaim(text, { quote, position });
    if (result.status === "anchored") anchored.push({ claim, start: result.start, end: result.end, method: result.method });
    else orphaned.push(claim);
  }
  anchored.sort((a, b) => a.start - b.start || a.end - b.end || a.claim.createdAt.localeCompare(b.claim.createdAt));
  return { anchored, orphaned, withheld };
}

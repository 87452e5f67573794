import { anchorClaim } from "@/lib/anchoring";
import type { ClaimView } from "@/lib/claims/schema";

export type AnchoredClaimView = {
  claim: ClaimView;
  start: number;
  end: number;
  method: "position" | "quote" | "fuzzy";
  /** The server found the claim on text that differs from the quote it was made on (its `originalQuote`). */
  isChanged: boolean;
};

/**
 * Places every claim in the current text (position first, verified by its quote; then the quote; then a fuzzy
 * match). What cannot be placed is returned as orphaned, to be listed, never silently dropped. Claims whose
 * content the server withheld (hidden by a moderator, `target: null`) have nothing to place: they are returned
 * as withheld, in the server's order, to be listed as placeholders.
 *
 * The server's word on a claim's state comes first: a claim it found `orphaned` on the latest version is never
 * drawn, even where its old selectors happen to fit some text (that would be the silent move to the wrong words
 * the server refused to make). A `changed` claim is drawn on the text it now sits on; `isChanged` marks it.
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
    if (claim.state === "orphaned") {
      orphaned.push(claim);
      continue;
    }
    const [quote, position] = claim.target.selector;
    const result = anchorClaim(text, { quote, position });
    if (result.status === "anchored") anchored.push({ claim, start: result.start, end: result.end, method: result.method, isChanged: claim.state === "changed" });
    else orphaned.push(claim);
  }
  anchored.sort((a, b) => a.start - b.start || a.end - b.end || a.claim.createdAt.localeCompare(b.claim.createdAt));
  return { anchored, orphaned, withheld };
}

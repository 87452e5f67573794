/**
 * Where each claim sat on an older version, for drawing it there. Pure. The claims come with that version's anchor
 * (lib/versions/history.ts: getVersion), so the position is verified against the quote and holds; a claim that had
 * lost its text on that version (orphaned), or that anchoring cannot place after all, is listed apart, never drawn
 * somewhere wrong or dropped.
 */
import { anchorClaims } from "@/components/claims/anchored-claims";
import type { DrawnClaim } from "@/components/versions/version-article";
import type { ClaimView } from "@/lib/claims/schema";

/** Colour of a claim without tags (as in the document view). */
const untaggedColor = "#a16207";

export type VersionClaimPlaces = {
  drawn: DrawnClaim[];
  /** Claims drawn in the text, in reading order. */
  placed: ClaimView[];
  orphaned: ClaimView[];
  /** Claims whose content a moderator withheld from the reader: counted, not shown. */
  withheld: number;
};

export function placeVersionClaims(claims: readonly ClaimView[], text: string): VersionClaimPlaces {
  const { anchored, orphaned, withheld } = anchorClaims(
    claims.filter((claim) => claim.state !== "orphaned"),
    text,
  );
  return {
    drawn: anchored.map(({ claim, start, end }) => ({ claimId: claim.id, start, end, color: claim.tags[0]?.color ?? untaggedColor })),
    placed: anchored.map(({ claim }) => claim),
    orphaned: [...claims.filter((claim) => claim.state === "orphaned" && claim.target !== null), ...orphaned],
    withheld: withheld.length + claims.filter((claim) => claim.state === "orphaned" && claim.target === null).length,
  };
}

/**
 * What happens to each claim when a document gets a new text: re-anchored with lib/anchoring and given its new
 * selectors and state. Pure (no database): lib/versions/service.ts writes the result.
 *
 * The state a claim ends in:
 * - `ORPHANED` when its quote is not found: its selectors stay where it last was (nothing is moved to a guess);
 * - `CHANGED` when it is found on text that differs from its quote, or placed with low confidence: the text it
 *   had before is kept in `originalQuote` (the first one, across several changes) for a person to compare;
 * - `ANCHORED` when it sits on its own quote. A claim still waiting for someone to look at it (changed, not
 *   dismissed) stays changed; one whose text came back to its original quote is anchored again.
 */
import { anchorClaim, describeTextRange, type ClaimSelectors } from "@/lib/anchoring";

// Interim: each claim through anchorClaim (fuzzy = changed) until lib/anchoring's batch re-anchoring lands.
function reanchorClaims(text: string, selectors: readonly ClaimSelectors[]) {
  return selectors.map((selector) => {
    const result = anchorClaim(text, selector);
    if (result.status === "orphaned") return { state: "orphaned" as const };
    return { state: result.method === "fuzzy" ? ("changed" as const) : ("anchored" as const), start: result.start, end: result.end };
  });
}
import type { ClaimAnchorState } from "@/lib/generated/prisma/enums";

/** A claim as stored before the new version. */
export type StoredClaimAnchor = {
  id: string;
  authorId: string;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number;
  positionEnd: number;
  anchorState: ClaimAnchorState;
  originalQuote: string | null;
  attentionDismissedAt: Date | null;
};

/** Where the claim sits on the new version, and what a person should know about it. */
export type ClaimReanchoring = {
  id: string;
  authorId: string;
  state: ClaimAnchorState;
  /** The selectors on the new text; for an orphan, where it last was. */
  selectors: ClaimSelectors;
  /** Whether the selectors are on the new version (false for an orphan, which keeps its old place). */
  placed: boolean;
  originalQuote: string | null;
  /** Keeps a dismissal only while the claim stays in the state that was dismissed. */
  keepDismissal: boolean;
  /** The state it had before, to tell who needs to hear about it and what goes in its history. */
  previousState: ClaimAnchorState;
  previousQuote: string;
};

function storedSelectors(claim: StoredClaimAnchor): ClaimSelectors {
  return {
    quote: { type: "TextQuoteSelector", exact: claim.quoteExact, prefix: claim.quotePrefix, suffix: claim.quoteSuffix },
    position: { type: "TextPositionSelector", start: claim.positionStart, end: claim.positionEnd },
  };
}

/** Re-anchors every claim onto `newText` (one pass over the text for all of them). */
export function reanchorStoredClaims(newText: string, claims: readonly StoredClaimAnchor[]): ClaimReanchoring[] {
  const results = reanchorClaims(newText, claims.map(storedSelectors));
  return claims.map((claim, index) => {
    const result = results[index]!;
    const base = { id: claim.id, authorId: claim.authorId, previousState: claim.anchorState, previousQuote: claim.quoteExact };
    if (result.state === "orphaned") {
      return {
        ...base,
        state: "ORPHANED",
        selectors: storedSelectors(claim),
        placed: false,
        originalQuote: claim.originalQuote,
        keepDismissal: claim.anchorState === "ORPHANED",
      };
    }
    const selectors = describeTextRange(newText, { start: result.start, end: result.end });
    const quote = selectors.quote.exact;
    const original = claim.originalQuote ?? (claim.anchorState === "ORPHANED" ? null : claim.quoteExact);
    if (result.state === "changed" || quote !== claim.quoteExact) {
      // Back to the words it was made on: nothing left to look at.
      if (claim.originalQuote !== null && quote === claim.originalQuote) {
        return { ...base, state: "ANCHORED", selectors, placed: true, originalQuote: null, keepDismissal: false };
      }
      return { ...base, state: "CHANGED", selectors, placed: true, originalQuote: original, keepDismissal: false };
    }
    if (claim.anchorState === "CHANGED") {
      return { ...base, state: "CHANGED", selectors, placed: true, originalQuote: claim.originalQuote, keepDismissal: true };
    }
    return { ...base, state: "ANCHORED", selectors, placed: true, originalQuote: null, keepDismissal: false };
  });
}

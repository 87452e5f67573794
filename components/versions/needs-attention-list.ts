/**
 * Which claims "Needs attention" lists, in which order, and which of them are new to it. Pure; unit-tested.
 */
import type { ClaimSelectors } from "@/lib/anchoring";
import type { ClaimView } from "@/lib/claims/schema";

/** The passage selected in the article, offered to "Re-attach": its text, and its selectors made on demand. */
export type ReattachSelection = { text: string; describe: () => ClaimSelectors };

/** A claim "Needs attention" can show: changed or orphaned, with its quote (not withheld). */
export type AttentionClaim = ClaimView & { state: "changed" | "orphaned"; target: NonNullable<ClaimView["target"]> };

function needsAttention(claim: ClaimView): claim is AttentionClaim {
  // A hidden claim whose content the server withheld has no texts to compare: its author sees it in the list.
  return claim.state !== "anchored" && !claim.attentionDismissed && claim.target !== null;
}

/**
 * The claims a person should look at after the text changed: changed or orphaned, not dismissed. Orphans first
 * (they are not in the text at all), then changed ones; each in the order of where they sit (an orphan: where
 * it last was), then oldest first.
 */
export function listClaimsNeedingAttention(claims: readonly ClaimView[]): AttentionClaim[] {
  const stateOrder = { orphaned: 0, changed: 1 } as const;
  return claims
    .filter(needsAttention)
    .sort(
      (a, b) =>
        stateOrder[a.state] - stateOrder[b.state] ||
        a.target.selector[1].start - b.target.selector[1].start ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
}

/** The ids in `current` that were not in `previous`: claims that came to need attention since. */
export function findNewAttentionIds(previous: ReadonlySet<string>, current: readonly { id: string }[]): string[] {
  return current.filter((claim) => !previous.has(claim.id)).map((claim) => claim.id);
}

/** The texts a claim's state is told with: the words it sits on now (changed) and the ones it was made on. */
export function describeAttentionTexts(claim: AttentionClaim): { now: string | null; was: string } {
  const quote = claim.target.selector[0].exact;
  // An orphan's target keeps where it last was; a changed claim's is its new text, the old one in originalQuote.
  return claim.state === "orphaned" ? { now: null, was: quote } : { now: quote, was: claim.originalQuote ?? quote };
}

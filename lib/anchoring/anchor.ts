import { prepareText } from "./prepared-text";
import { reanchorPrepared } from "./reanchor";
import type { AnchorResult, PartialClaimSelectors } from "./types";

export { MIN_FUZZY_SCORE } from "./fuzzy-placement";

/**
 * Locates a claim in the current `text` from its stored selectors: {@link reanchorClaim}'s pipeline
 * (position with its context → the verbatim occurrence whose context is most similar → fuzzy), for
 * showing claims in a text rather than deciding their state. Both `anchored` and `changed` placements
 * come back as `status: "anchored"` (the range, the method and its score); only claims that cannot be
 * placed are orphaned. A position stored without a quote is trusted as it is.
 *
 * Never throws: bad stored data (NaN, negative, inverted or out-of-range positions, missing fields) is
 * skipped in favour of the other selector.
 *
 * @returns `start`/`end` as UTF-16 offsets into `text`.
 */
export function anchorClaim(text: string, selectors: PartialClaimSelectors): AnchorResult {
  const result = reanchorPrepared(prepareText(text), selectors);
  if (result.state === "orphaned") return { status: "orphaned", reason: result.reason };
  const { start, end, method, score } = result;
  return { status: "anchored", start, end, method, score };
}

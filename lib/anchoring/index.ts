/**
 * Anchoring claims to a document's plain text: describe a selection as W3C selectors, find it
 * again after the text changed (`anchorClaim` to show it, `reanchorClaim(s)` to give it a state in a
 * new version), and verify what a client submits. Pure and framework-free.
 *
 * Selectors count Unicode code points (W3C); every range returned counts UTF-16 code units.
 */
export { anchorClaim, MIN_FUZZY_SCORE } from "./anchor";
export {
  reanchorClaim,
  reanchorClaims,
  type ReanchorResult,
  type ReanchorState,
} from "./reanchor";
export {
  codePointOffsetToIndex,
  countCodePoints,
  indexToCodePointOffset,
  isInsideSurrogatePair,
  snapToCodePointBoundary,
} from "./code-points";
export { CONTEXT_LENGTH, describeTextRange } from "./describe";
export { foldText } from "./fold-text";
export { matchQuote, type QuoteContext } from "./match-quote";
export {
  MAX_CLAIM_LENGTH,
  resolveSubmittedSelectors,
  type SelectorErrorCode,
  type SelectorRejection,
  type SubmittedSelectorsResult,
} from "./verify";
export type * from "./types";

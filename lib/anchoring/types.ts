/**
 * Selector and result types for anchoring claims to a document's plain text.
 *
 * Two offset units meet here, so every type says which one it uses:
 * - W3C selectors (`TextPositionSelector`) count Unicode **code points**, as the spec requires.
 * - Everything the library returns to callers (`Utf16Range` and the results built on it) counts
 *   **UTF-16 code units**, the unit of JS string indices and ProseMirror positions.
 */

/** W3C Web Annotation TextQuoteSelector: the quoted text plus, optionally, context either side. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  /** The quoted text, verbatim. */
  exact: string;
  /** Text immediately before `exact`. */
  prefix?: string;
  /** Text immediately after `exact`. */
  suffix?: string;
}

/**
 * A quote selector as this library produces and stores it: context always present, up to
 * `CONTEXT_LENGTH` UTF-16 units each side, `""` at the edges of the text.
 */
export interface ClaimQuoteSelector extends TextQuoteSelector {
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector. `start` and `end` are Unicode code point offsets. */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  /** Code point offset of the first selected character. */
  start: number;
  /** Code point offset just past the last selected character. */
  end: number;
}

/** The selectors stored for every claim (canonical: made by `describeTextRange`). */
export interface ClaimSelectors {
  quote: ClaimQuoteSelector;
  position: TextPositionSelector;
}

/** Selectors as stored or submitted: either may be missing, and the quote's context too. */
export interface PartialClaimSelectors {
  quote?: TextQuoteSelector;
  position?: TextPositionSelector;
}

/** A half-open range `[start, end)` of **UTF-16 code unit** offsets into a JS string. */
export interface Utf16Range {
  start: number;
  end: number;
}

/** What located the claim: the verified position, a verbatim quote, or a fuzzy quote match. */
export type AnchorMethod = "position" | "quote" | "fuzzy";

/** A claim located in the current text. `start`/`end` are UTF-16 offsets. */
export interface AnchoredClaim extends Utf16Range {
  status: "anchored";
  method: AnchorMethod;
  /**
   * Agreement in 0..1: 1 for "position", the context score of the chosen occurrence for "quote" (1 without
   * stored context), the match-quote score for "fuzzy".
   */
  score: number;
}

/** Why a claim could not be located. */
export type OrphanReason =
  /** Neither a usable quote nor a position was stored. */
  | "no_selectors"
  /** Only a position was stored and it does not fit the text. */
  | "invalid_position"
  /** The quote is neither at its position, nor verbatim in the text, nor close enough fuzzily. */
  | "quote_not_found"
  /** The quote occurs verbatim several times, none with the claim's context, and not fuzzily either. */
  | "quote_ambiguous";

/** A claim that no longer has a place in the text; the UI lists it apart rather than guessing. */
export interface OrphanedClaim {
  status: "orphaned";
  reason: OrphanReason;
}

/** Result of `anchorClaim`. */
export type AnchorResult = AnchoredClaim | OrphanedClaim;

/** A fuzzy quote match. `start`/`end` are UTF-16 offsets; `score` is in 0..1. */
export interface QuoteMatch extends Utf16Range {
  score: number;
}

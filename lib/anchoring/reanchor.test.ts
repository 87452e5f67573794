import { describe, expect, it } from "vitest";

import { describeTextRange } from "./describe";
import { reanchorClaim, reanchorClaims } from "./reanchor";
import { findRange } from "./testing/find-range";
import { SEED_ARTICLE as A } from "./testing/seed-article";
import type { PartialClaimSelectors } from "./types";

const TAX = "Het kabinet wil de belasting verlagen. De oppositie wil de belasting verhogen. Economen vinden de belasting nu al te hoog.";

describe("reanchorClaim: the position step", () => {
  it("an unchanged text: every claim anchored where it was, by position", () => {
    const ranges = [findRange(A, "‘doorbraak’"), findRange(A, "de regio", 4), { start: 0, end: A.length }];
    for (const range of ranges) {
      expect(reanchorClaim(A, describeTextRange(A, range))).toEqual({ state: "anchored", ...range, method: "position", score: 1 });
    }
  });

  it("the quote is at the old position but its context is not: that occurrence is not taken on trust", () => {
    const claimed = findRange(TAX, "de belasting", 1);
    const gap = claimed.start - findRange(TAX, "de belasting", 0).start;
    const intro = `${"x".repeat(gap - 2)}\n\n`; // the first "de belasting" moves exactly to the old position
    const edited = intro + TAX;
    expect(edited.slice(claimed.start, claimed.end)).toBe("de belasting");
    expect(reanchorClaim(edited, describeTextRange(TAX, claimed))).toMatchObject({
      state: "anchored",
      method: "quote",
      start: claimed.start + intro.length,
      end: claimed.end + intro.length,
    });
  });

  it("a position without a quote cannot be checked: changed, at the position", () => {
    const { position } = describeTextRange(A, findRange(A, "‘doorbraak’"));
    expect(reanchorClaim(A, { position })).toMatchObject({ state: "changed", method: "position", ...findRange(A, "‘doorbraak’") });
  });
});

describe("reanchorClaim: verbatim occurrences", () => {
  it("the same words again elsewhere, with another context: not trusted over the claim's own", () => {
    const selectors = describeTextRange(TAX, findRange(TAX, "de belasting", 2));
    expect(reanchorClaim(`Inleiding.\n\n${TAX}`, selectors)).toMatchObject({ state: "anchored", ...findRange(`Inleiding.\n\n${TAX}`, "de belasting", 2) });
  });

  it("a repeated quote stored without context: the nearest to the old position, changed (nothing vouches for it)", () => {
    const range = findRange(TAX, "de belasting", 1);
    const selectors: PartialClaimSelectors = {
      quote: { type: "TextQuoteSelector", exact: "de belasting" },
      position: { type: "TextPositionSelector", start: range.start + 5, end: range.end + 5 },
    };
    expect(reanchorClaim(TAX, selectors)).toMatchObject({ state: "changed", method: "quote", ...range });
  });

  it("a unique quote without context: anchored", () => {
    const selectors: PartialClaimSelectors = { quote: { type: "TextQuoteSelector", exact: "Economen vinden" } };
    expect(reanchorClaim(TAX, selectors)).toMatchObject({ state: "anchored", method: "quote", ...findRange(TAX, "Economen vinden") });
  });

  it("several occurrences, none in the claim's context and none ahead of the others: orphaned as ambiguous", () => {
    const text = "Zij zegt ja. Hij zegt ja. Wij zeggen ja. Jullie zeggen ja.";
    const selectors: PartialClaimSelectors = {
      quote: { type: "TextQuoteSelector", exact: " ja.", prefix: "Volgens de notulen van de raad zei de burgemeester", suffix: " Daarmee was de kous af en ging iedereen naar huis." },
    };
    expect(reanchorClaim(text, selectors)).toEqual({ state: "orphaned", reason: "quote_ambiguous" });
  });
});

describe("reanchorClaim: edited quotes", () => {
  it("an edited quote is changed, with a score of at least the fuzzy bar", () => {
    const selectors = describeTextRange(A, findRange(A, "geopolitiek vacuüm"));
    const edited = A.replace("vacuüm", "vacuum");
    const result = reanchorClaim(edited, selectors);
    expect(result).toMatchObject({ state: "changed", method: "fuzzy", ...findRange(edited, "geopolitiek vacuum") });
    if (result.state === "changed") expect(result.score).toBeGreaterThanOrEqual(0.6);
  });

  it("a deleted quote is orphaned", () => {
    const selectors = describeTextRange(A, findRange(A, "Dit wordt door Ankara en Bakoe ontkend."));
    expect(reanchorClaim(A.replace(" Dit wordt door Ankara en Bakoe ontkend.", ""), selectors)).toEqual({
      state: "orphaned",
      reason: "quote_not_found",
    });
  });
});

describe("reanchorClaims", () => {
  it("answers in the order of the claims, as reanchorClaim would one by one", () => {
    const claims = ["‘doorbraak’", "de regio", "Dit wordt door Ankara en Bakoe ontkend.", "geopolitiek vacuüm"].map((needle) =>
      describeTextRange(A, findRange(A, needle)),
    );
    const edited = `Inleiding.\n\n${A.replace(" Dit wordt door Ankara en Bakoe ontkend.", "").replace("vacuüm", "vacuum")}`;
    const results = reanchorClaims(edited, claims);
    expect(results.map((result) => result.state)).toEqual(["anchored", "anchored", "orphaned", "changed"]);
    expect(results).toEqual(claims.map((selectors) => reanchorClaim(edited, selectors)));
  });

  it("an empty list gives an empty list; an empty text orphans every claim", () => {
    expect(reanchorClaims(A, [])).toEqual([]);
    expect(reanchorClaims("", [describeTextRange(A, findRange(A, "de regio"))])).toEqual([{ state: "orphaned", reason: "quote_not_found" }]);
  });
});

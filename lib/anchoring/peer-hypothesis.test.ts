// The Hypothesis client's anchoring tests, as data (../shared/peer-anchoring-cases/hypothesis-*.json), run
// against lib/anchoring. Each case must give Hypothesis's answer or the design alternative it declares.
import { describe, expect, it } from "vitest";

import { anchorClaim } from "./anchor";
import { describeTextRange } from "./describe";
import { matchQuote } from "./match-quote";
import { reanchorClaim } from "./reanchor";
import {
  caseText,
  designFor,
  loadPeerSuite,
  partitionCases,
  resolveOffset,
  resolveSelectors,
  type PeerCase,
  type PeerExpectation,
  type PeerSuite,
} from "./testing/peer-cases";
import { expectAnchor, expectRoundTrip, expectVerify } from "./testing/peer-checks";

const matchQuoteSuite = loadPeerSuite("hypothesis-match-quote.json");
const typesSuite = loadPeerSuite("hypothesis-types.json");
const htmlSuite = loadPeerSuite("hypothesis-html.json");
const baselineSuite = loadPeerSuite("hypothesis-html-baselines.json");

/**
 * Peer tests left out, and why (the JSON's `na` field says the same at more length). None of them
 * asserts anything about plain text: they test DOM bookkeeping, classes Margin does not have, or selector
 * types Margin does not support.
 */
const NOT_APPLICABLE: Record<string, string> = {
  "types/TextQuoteAnchor-plumbing": "object plumbing of anchor classes; Margin's selectors are plain objects",
  "types/TextQuoteAnchor-mocked": "matchQuote stubbed with canned results: tests argument forwarding, not matching",
  "types/TextPositionAnchor-mocked": "TextRange stubbed (DOM Range <-> offsets): no text-level assertion",
  "types/RangeAnchor": "RangeSelector (XPath): Margin supports TextQuote and TextPosition selectors only",
  "types/MediaTimeAnchor": "MediaTimeSelector (transcript timestamps): no text-only equivalent",
  "text-range/node-resolution": "which DOM Text node an offset falls in: Margin works on one string",
  "anchoring-fails/bad-range-selector": "the failing selector is a RangeSelector; the quote lookup left is covered",
  "media-time": "MediaTimeSelector: no text-only equivalent",
  "html-boundary": "how a DOM renders <br> into text: Margin receives the text from the editor, no DOM step",
};

function expectation(peerCase: PeerCase, check?: string): PeerExpectation {
  return designFor(peerCase, check)?.expect ?? (peerCase.expect as PeerExpectation);
}

function hintedContext(text: string, peerCase: PeerCase) {
  const { prefix, suffix, hint } = peerCase.context ?? {};
  return { prefix, suffix, hint: hint === undefined ? undefined : resolveOffset(text, hint) };
}

function quoteOf(suite: PeerSuite, peerCase: PeerCase): string {
  return peerCase.quoteRef ? (suite.texts?.[peerCase.quoteRef] ?? "") : (peerCase.quote ?? "");
}

describe("Hypothesis match-quote-test", () => {
  const { applicable } = partitionCases(matchQuoteSuite);

  it.each(applicable.filter((peerCase) => peerCase.kind === "matchQuote"))("matchQuote: $peerTest", (peerCase) => {
    const text = caseText(matchQuoteSuite, peerCase);
    const expected = expectation(peerCase);
    const match = matchQuote(text, quoteOf(matchQuoteSuite, peerCase), hintedContext(text, peerCase));
    if (expected.null) {
      expect(match).toBeNull();
      return;
    }
    expect(match).not.toBeNull();
    if (!match) return;
    if (expected.text !== undefined) expect(text.slice(match.start, match.end)).toBe(expected.text);
    if (expected.start !== undefined) expect(match.start).toBe(resolveOffset(text, expected.start));
    if (expected.score?.eq !== undefined) expect(match.score).toBe(expected.score.eq);
    if (expected.score?.gt !== undefined) expect(match.score).toBeGreaterThan(expected.score.gt);
    if (expected.score?.lt !== undefined) expect(match.score).toBeLessThan(expected.score.lt);
  });

  it.each(applicable.filter((peerCase) => peerCase.kind === "matchQuoteOrder"))("matchQuote: $peerTest", (peerCase) => {
    const text = caseText(matchQuoteSuite, peerCase);
    const scores = (peerCase.variants ?? []).map((variant) => {
      const quote = peerCase.vary === "quote" ? variant : quoteOf(matchQuoteSuite, peerCase);
      const context = peerCase.vary === "quote" ? {} : { [peerCase.vary as string]: variant };
      return matchQuote(text, quote, context)?.score ?? 0;
    });
    expect(scores.length).toBeGreaterThan(1);
    for (let index = 1; index < scores.length; index++) expect(scores[index]).toBeLessThan(scores[index - 1]!);
  });

  // The eight "best context match" cases and the hint cases, through Margin's re-anchoring entry points.
  it.each(applicable.filter((peerCase) => peerCase.kind === "anchor"))("anchorClaim: $id", (peerCase) => {
    const text = caseText(matchQuoteSuite, peerCase);
    const selectors = resolveSelectors(text, peerCase.selectors ?? {});
    expectAnchor(text, selectors, expectation(peerCase));
    // reanchorClaim places the claim on the same range (its state says how sure it is).
    const reanchored = reanchorClaim(text, selectors);
    const anchored = anchorClaim(text, selectors);
    expect(reanchored).toMatchObject(anchored.status === "anchored" ? { start: anchored.start, end: anchored.end } : { state: "orphaned" });
  });
});

describe("Hypothesis types-test and text-range-test", () => {
  const { applicable } = partitionCases(typesSuite);

  it.each(applicable)("$kind: $peerTest", (peerCase) => {
    const text = caseText(typesSuite, peerCase);
    const expected = expectation(peerCase);
    switch (peerCase.kind) {
      case "anchor":
        expectAnchor(text, resolveSelectors(text, peerCase.selectors ?? {}), expected);
        break;
      case "verify":
        expectVerify(text, resolveSelectors(text, peerCase.selectors ?? {}), expected);
        break;
      case "roundtrip":
        expectRoundTrip(text, peerCase.range!, expected);
        break;
      case "describe":
        expect(describeTextRange(text, peerCase.range!).quote).toMatchObject(expected.quote ?? {});
        break;
      default:
        throw new Error(`Unknown kind ${peerCase.kind} in ${peerCase.id}`);
    }
  });
});

describe("Hypothesis html-test (range specs on the fixture's text)", () => {
  const { applicable } = partitionCases(htmlSuite);

  it.each(applicable)("$kind: $peerTest", (peerCase) => {
    const text = caseText(htmlSuite, peerCase);
    if (peerCase.kind === "roundtrip") {
      expectRoundTrip(text, peerCase.derived!.range!, expectation(peerCase));
    } else if (peerCase.kind === "anchor") {
      expectAnchor(text, resolveSelectors(text, peerCase.selectors ?? {}), expectation(peerCase));
    } else {
      throw new Error(`Unknown kind ${peerCase.kind} in ${peerCase.id}`);
    }
  });
});

describe("Hypothesis web page baselines (selectors saved by the real client, on the page's text)", () => {
  // Anchor the stored selectors, describe the range found: the same selectors come back. Both use 32 units
  // of context, so this holds character for character.
  it.each(partitionCases(baselineSuite).applicable)("$id", (peerCase) => {
    const text = caseText(baselineSuite, peerCase);
    const stored = resolveSelectors(text, peerCase.selectors ?? {});
    const result = anchorClaim(text, stored);
    expect(result).toMatchObject({ status: "anchored", method: "position" });
    if (result.status !== "anchored") return;
    expect(describeTextRange(text, result)).toEqual(stored);
    expect(reanchorClaim(text, stored)).toMatchObject({ state: "anchored", start: result.start, end: result.end });
  });
});

describe("every Hypothesis case runs or is listed here as not applicable", () => {
  it.each([matchQuoteSuite, typesSuite, htmlSuite, baselineSuite])("$suite", (suite) => {
    const known = ["matchQuote", "matchQuoteOrder", "anchor", "verify", "roundtrip", "describe", "baseline"];
    const { applicable, notApplicable } = partitionCases(suite);
    for (const peerCase of applicable) expect(known).toContain(peerCase.kind);
    for (const peerCase of notApplicable) {
      expect(peerCase.na, peerCase.id).toBeTruthy();
      expect(Object.keys(NOT_APPLICABLE), `${peerCase.id} is left out without a reason in this file`).toContain(peerCase.id);
    }
  });
});

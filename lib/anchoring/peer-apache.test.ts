// Apache Annotator's text-quote and text-position tests, as data (../shared/peer-anchoring-cases/apache-*.json),
// run against lib/anchoring on the text each DOM fixture gives. Each case must give the peer's answer or the
// design alternative it declares (Margin has no empty claims; the lenient re-anchoring may place a quote the
// strict peer matcher would not; the strict create check rejects ambiguous quotes).
import { describe, expect, it } from "vitest";

import { anchorClaim } from "./anchor";
import { describeTextRange } from "./describe";
import {
  caseText,
  designFor,
  loadPeerSuite,
  partitionCases,
  type PeerCase,
  type PeerExpectation,
} from "./testing/peer-cases";
import { expectAnchor, expectConsistentContext, expectVerify } from "./testing/peer-checks";
import type { TextPositionSelector, TextQuoteSelector } from "./types";

const positionSuite = loadPeerSuite("apache-text-position.json");
const describeSuite = loadPeerSuite("apache-text-quote-describe.json");
const matchSuite = loadPeerSuite("apache-text-quote-match.json");

/**
 * Peer tests left out, and why. On plain text they are duplicates of cases that run (the DOM splits the same
 * characters into different nodes), empty peer tests, or tests the peer itself skips.
 */
const NOT_APPLICABLE: Record<string, string> = {
  "match/handles adjacent text nodes": "same text and offsets as 'simple' once the Text nodes are joined",
  "match/handles empty text nodes": "empty Text nodes add no characters: same as 'simple'",
  "match/scope = one text node's contents": "same text as 'first characters'",
  "match/scope starts with an empty text node": "same text as 'first characters'",
  "describe/TODO tests": "empty (// TODO) test bodies in the peer suite",
  "handles adjacent text nodes": "same text and offsets as 'simple' once the Text nodes are joined",
  "handles empty text nodes": "empty Text nodes add no characters: same as 'simple'",
  "scope = one text node's contents": "same text as 'first characters'",
  "scope starts with an empty text node": "same text as 'first characters'",
  "resistant to splitting text nodes": "describe.skip in the peer suite; wraps matches in <mark> (DOM mutation)",
};

/** The expectation for one Margin function: its design note when the case has one, else the peer's answer. */
function expectationFor(peerCase: PeerCase, check: string, peer: PeerExpectation): PeerExpectation {
  return designFor(peerCase, check)?.expect ?? peer;
}

describe("Apache Annotator text-position", () => {
  const { applicable } = partitionCases(positionSuite);

  it.each(applicable.filter((peerCase) => peerCase.kind === "positionMatch"))("match: $id", (peerCase) => {
    const text = caseText(positionSuite, peerCase);
    const position = peerCase.selector as TextPositionSelector;
    const [range] = peerCase.derived?.expected ?? [];
    expectAnchor(text, { position }, expectationFor(peerCase, "anchorClaim", { range }));
    expectVerify(text, { position }, expectationFor(peerCase, "resolveSubmittedSelectors", { ok: range }));
  });

  it.each(applicable.filter((peerCase) => peerCase.kind === "describePosition"))("describe: $id", (peerCase) => {
    const text = caseText(positionSuite, peerCase);
    const range = peerCase.derived!.range!;
    const expected = expectationFor(peerCase, "describeTextRange", peerCase.expect as PeerExpectation);
    if (expected.throws) {
      expect(() => describeTextRange(text, range)).toThrow(RangeError);
      return;
    }
    expect(describeTextRange(text, range).position).toEqual(expected.position);
  });
});

describe("Apache Annotator text-quote describe", () => {
  // Margin stores 32 units of context instead of the shortest unique context, so: same `exact`, context
  // consistent with the peer's where they overlap, and the quote alone finds the range again.
  it.each(partitionCases(describeSuite).applicable)("$id", (peerCase) => {
    const text = caseText(describeSuite, peerCase);
    const range = peerCase.derived!.range!;
    const peer = (peerCase.expect as PeerExpectation).quote as TextQuoteSelector;
    if (expectationFor(peerCase, "describeTextRange", {}).throws) {
      expect(() => describeTextRange(text, range)).toThrow(RangeError);
      return;
    }
    const { quote } = describeTextRange(text, range);
    expect(quote.exact).toBe(peer.exact);
    expectConsistentContext(quote, peer);
    expectVerify(text, { quote }, { ok: range });
    expect(anchorClaim(text, { quote })).toMatchObject({ status: "anchored", ...range });
  });
});

describe("Apache Annotator text-quote match", () => {
  it.each(partitionCases(matchSuite).applicable)("$id", (peerCase) => {
    const text = caseText(matchSuite, peerCase);
    const quote = peerCase.selector as TextQuoteSelector;
    const expected = peerCase.derived?.expected ?? [];

    // Lenient re-anchoring: one of the peer's ranges, or orphaned when there is none.
    const anchorDesign = designFor(peerCase, "anchorClaim");
    if (anchorDesign) {
      expectAnchor(text, { quote }, anchorDesign.expect);
    } else {
      const result = anchorClaim(text, { quote });
      if (expected.length === 0) {
        expect(result.status).toBe("orphaned");
      } else {
        expect(result.status).toBe("anchored");
        if (result.status === "anchored") expect(expected).toContainEqual({ start: result.start, end: result.end });
      }
    }

    // Strict create check: exactly the peer's one range, or a rejection.
    const strict = expected.length === 1 ? { ok: expected[0] } : { reject: true };
    expectVerify(text, { quote }, expectationFor(peerCase, "resolveSubmittedSelectors", strict));
  });
});

describe("every Apache case runs or is listed here as not applicable", () => {
  it.each([positionSuite, describeSuite, matchSuite])("$suite", (suite) => {
    const { applicable, notApplicable } = partitionCases(suite);
    for (const peerCase of applicable) {
      expect(["positionMatch", "describePosition", "describeQuote", "quoteMatch"]).toContain(peerCase.kind);
    }
    for (const peerCase of notApplicable) {
      expect(peerCase.na, peerCase.id).toBeTruthy();
      expect(Object.keys(NOT_APPLICABLE), `${peerCase.id} is left out without a reason in this file`).toContain(peerCase.id);
    }
  });
});

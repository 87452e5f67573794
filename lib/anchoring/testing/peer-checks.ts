// Test support: the checks the peer-case suites share (anchorClaim, resolveSubmittedSelectors, round trips).
import { expect } from "vitest";

import { anchorClaim } from "../anchor";
import { describeTextRange } from "../describe";
import type { PartialClaimSelectors, Utf16Range } from "../types";
import { resolveSubmittedSelectors } from "../verify";
import { resolveOffset, type PeerExpectation } from "./peer-cases";

/** anchorClaim gives the expected range / text, or orphans the claim (with the expected reason, if named). */
export function expectAnchor(text: string, selectors: PartialClaimSelectors, expected: PeerExpectation): void {
  const result = anchorClaim(text, selectors);
  if (expected.orphaned !== undefined) {
    expect(result.status).toBe("orphaned");
    if (typeof expected.orphaned === "string") expect(result).toMatchObject({ reason: expected.orphaned });
    return;
  }
  expect(result.status).toBe("anchored");
  if (result.status !== "anchored") return;
  if (expected.range) {
    expect({ start: result.start, end: result.end }).toEqual({
      start: resolveOffset(text, expected.range.start),
      end: resolveOffset(text, expected.range.end),
    });
  }
  if (expected.start !== undefined) expect(result.start).toBe(resolveOffset(text, expected.start));
  if (expected.text !== undefined) expect(text.slice(result.start, result.end)).toBe(expected.text);
  if (expected.method !== undefined) expect(result.method).toBe(expected.method);
  if (expected.textIsExact && selectors.quote) expect(text.slice(result.start, result.end)).toBe(selectors.quote.exact);
}

/** resolveSubmittedSelectors accepts the expected range, or rejects (with one of the expected codes). */
export function expectVerify(text: string, selectors: PartialClaimSelectors, expected: PeerExpectation): void {
  const result = resolveSubmittedSelectors(text, selectors);
  if (expected.reject !== undefined) {
    expect(result.ok).toBe(false);
    if (Array.isArray(expected.reject) && !result.ok) expect(expected.reject).toContain(result.code);
    return;
  }
  expect(result).toMatchObject({ ok: true, range: expected.ok });
}

/**
 * Describes `range` and anchors it back: with the quote alone, the position alone and both, the claim
 * lands on `range` again.
 */
export function expectRoundTrip(text: string, range: Utf16Range, expected: PeerExpectation): void {
  const { quote, position } = describeTextRange(text, range);
  if (expected.exact !== undefined) expect(quote.exact).toBe(expected.exact);
  if (expected.position) expect(position).toMatchObject(expected.position);
  if (expected.quote) expect(quote).toMatchObject(expected.quote);
  for (const selectors of [{ quote }, { position }, { quote, position }]) {
    expect(anchorClaim(text, selectors)).toMatchObject({ status: "anchored", ...range });
  }
}

/** Peer context and Margin context agree where they overlap: the shorter is the end (prefix) or start (suffix) of the longer. */
export function expectConsistentContext(ours: { prefix: string; suffix: string }, peer: { prefix?: string; suffix?: string }): void {
  const peerPrefix = peer.prefix ?? "";
  const peerSuffix = peer.suffix ?? "";
  const [shortPrefix, longPrefix] = ours.prefix.length <= peerPrefix.length ? [ours.prefix, peerPrefix] : [peerPrefix, ours.prefix];
  const [shortSuffix, longSuffix] = ours.suffix.length <= peerSuffix.length ? [ours.suffix, peerSuffix] : [peerSuffix, ours.suffix];
  expect(longPrefix.endsWith(shortPrefix)).toBe(true);
  expect(longSuffix.startsWith(shortSuffix)).toBe(true);
}

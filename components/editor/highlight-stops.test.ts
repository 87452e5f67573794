import { describe, expect, it } from "vitest";

import { buildHighlightSegments, type HighlightRange } from "@/components/editor/highlight-segments";
import { findStop, findTabStopSegment, getClaimsStartingAt, getDescribingClaims, getHighlightSummaryId } from "@/components/editor/highlight-stops";

const range = (claimId: string, start: number, end: number): HighlightRange => ({ claimId, start, end, color: "#000000" });

describe("the claims a segment starts and is described by", () => {
  // outer [0,10), inner [4,6), tail [4,12), twin-a and twin-b both [20,25)
  const segments = buildHighlightSegments([range("outer", 0, 10), range("inner", 4, 6), range("tail", 4, 12), range("twin-b", 20, 25), range("twin-a", 20, 25)]);
  const at = (start: number) => segments.find((segment) => segment.start === start)!;

  it.each([
    { start: 0, starting: ["outer"], describing: ["outer"] },
    { start: 4, starting: ["inner", "tail"], describing: ["inner", "tail", "outer"] },
    { start: 6, starting: [], describing: ["tail", "outer"] },
    { start: 10, starting: [], describing: ["tail"] },
    { start: 20, starting: ["twin-a", "twin-b"], describing: ["twin-a", "twin-b"] },
  ])("segment at $start", ({ start, starting, describing }) => {
    expect(getClaimsStartingAt(at(start))).toEqual(starting);
    expect(getDescribingClaims(at(start))).toEqual(describing);
  });

  it.each([
    { claimId: null, expected: 0, why: "none chosen: the first claim's" },
    { claimId: "tail", expected: 1, why: "where the chosen claim begins" },
    { claimId: "twin-b", expected: segments.findIndex((segment) => segment.start === 20), why: "a stop shared by two claims" },
    { claimId: "gone", expected: 0, why: "a claim that is gone: the first claim's" },
  ])("tab stop: $why", ({ claimId, expected }) => {
    expect(findTabStopSegment(segments, claimId)).toBe(expected);
  });

  it("has no tab stop without highlights", () => {
    expect(findTabStopSegment([], "any")).toBe(-1);
  });

  it("names the summary element after the claim", () => {
    expect(getHighlightSummaryId("3f1c")).toBe("claim-summary-3f1c");
  });
});

describe("findStop", () => {
  const stops = [0, 4, 20];
  it.each([
    { from: 0, direction: "next", isOnStop: false, expected: 0, why: "a caret right at a stop: that stop" },
    { from: 0, direction: "next", isOnStop: true, expected: 1, why: "on a stop: the one after" },
    { from: 5, direction: "next", isOnStop: false, expected: 2, why: "a caret between stops: the next" },
    { from: 20, direction: "next", isOnStop: true, expected: -1, why: "on the last stop: none, no wrapping" },
    { from: 5, direction: "previous", isOnStop: false, expected: 1, why: "a caret inside a claim: the claim it is in" },
    { from: 4, direction: "previous", isOnStop: true, expected: 0, why: "on a stop: the one before" },
    { from: 0, direction: "previous", isOnStop: true, expected: -1, why: "on the first stop: none" },
  ] as const)("$why", ({ from, direction, isOnStop, expected }) => {
    expect(findStop(stops, from, direction, isOnStop)).toBe(expected);
  });

  it("finds nothing without highlights", () => {
    expect(findStop([], 3, "next", false)).toBe(-1);
    expect(findStop([], 3, "previous", false)).toBe(-1);
  });
});

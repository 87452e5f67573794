import { describe, expect, it } from "vitest";

import { buildHighlightSegments, type HighlightRange } from "@/components/editor/highlight-segments";

const range = (claimId: string, start: number, end: number): HighlightRange => ({ claimId, start, end, color: "#000000" });
const summarise = (ranges: HighlightRange[]) =>
  buildHighlightSegments(ranges).map((segment) => [segment.start, segment.end, segment.claims.map((claim) => claim.claimId)]);

describe("buildHighlightSegments", () => {
  it.each([
    ["no claims", [], []],
    ["one claim", [range("a", 2, 5)], [[2, 5, ["a"]]]],
    ["disjoint claims", [range("a", 0, 2), range("b", 4, 6)], [[0, 2, ["a"]], [4, 6, ["b"]]]],
    ["touching claims", [range("a", 0, 3), range("b", 3, 6)], [[0, 3, ["a"]], [3, 6, ["b"]]]],
    [
      "partial overlap",
      [range("a", 0, 5), range("b", 3, 8)],
      [[0, 3, ["a"]], [3, 5, ["a", "b"]], [5, 8, ["b"]]],
    ],
    [
      "nested: the inner claim comes first where both cover",
      [range("outer", 0, 10), range("inner", 4, 6)],
      [[0, 4, ["outer"]], [4, 6, ["inner", "outer"]], [6, 10, ["outer"]]],
    ],
    ["identical ranges keep both, ordered by id", [range("b", 1, 4), range("a", 1, 4)], [[1, 4, ["a", "b"]]]],
    ["empty and inverted ranges are ignored", [range("a", 3, 3), range("b", 5, 2)], []],
  ])("%s", (_name, ranges, expected) => {
    expect(summarise(ranges as HighlightRange[])).toEqual(expected);
  });
});

import { describe, expect, it } from "vitest";

import {
  codePointOffsetToIndex,
  countCodePoints,
  indexToCodePointOffset,
  isInsideSurrogatePair,
  snapToCodePointBoundary,
} from "./code-points";
import { SEED_ARTICLE } from "./testing/seed-article";

// Code units:  a=0, 😀=1..2, b=3, 🎉=4..5, c=6 (length 7). Code points: a b c at 0, 2, 4.
const ASTRAL = "a😀b🎉c";
const LONE_SURROGATE = "a\uD83Db"; // a high surrogate with no partner: one code point

describe("codePointOffsetToIndex", () => {
  it.each([
    { text: "", codePoint: 0, index: 0 },
    { text: "hallo", codePoint: 3, index: 3 },
    { text: "Armenië", codePoint: 7, index: 7 },
    { text: ASTRAL, codePoint: 0, index: 0 },
    { text: ASTRAL, codePoint: 1, index: 1 },
    { text: ASTRAL, codePoint: 2, index: 3 },
    { text: ASTRAL, codePoint: 3, index: 4 },
    { text: ASTRAL, codePoint: 4, index: 6 },
    { text: ASTRAL, codePoint: 5, index: 7 },
    { text: LONE_SURROGATE, codePoint: 2, index: 2 },
  ])("$text: code point $codePoint is index $index", ({ text, codePoint, index }) => {
    expect(codePointOffsetToIndex(text, codePoint)).toBe(index);
  });

  it.each([
    { text: "hallo", codePoint: -1 },
    { text: "hallo", codePoint: 6 },
    { text: "hallo", codePoint: 1.5 },
    { text: "hallo", codePoint: Number.NaN },
    { text: ASTRAL, codePoint: 6 }, // 5 code points, 7 code units: past the end either way
    { text: ASTRAL, codePoint: 7 },
  ])("$text: code point $codePoint throws a RangeError", ({ text, codePoint }) => {
    expect(() => codePointOffsetToIndex(text, codePoint)).toThrow(RangeError);
  });
});

describe("indexToCodePointOffset", () => {
  it.each([
    { text: "hallo", index: 5, codePoint: 5 },
    { text: ASTRAL, index: 0, codePoint: 0 },
    { text: ASTRAL, index: 1, codePoint: 1 },
    { text: ASTRAL, index: 2, codePoint: 1 }, // inside 😀: rounds down to 😀 itself
    { text: ASTRAL, index: 3, codePoint: 2 },
    { text: ASTRAL, index: 5, codePoint: 3 }, // inside 🎉
    { text: ASTRAL, index: 6, codePoint: 4 },
    { text: ASTRAL, index: 7, codePoint: 5 },
    { text: LONE_SURROGATE, index: 2, codePoint: 2 },
  ])("$text: index $index is code point $codePoint", ({ text, index, codePoint }) => {
    expect(indexToCodePointOffset(text, index)).toBe(codePoint);
  });

  it.each([
    { text: "hallo", index: -1 },
    { text: "hallo", index: 6 },
    { text: ASTRAL, index: 8 },
    { text: ASTRAL, index: 0.5 },
  ])("$text: index $index throws a RangeError", ({ text, index }) => {
    expect(() => indexToCodePointOffset(text, index)).toThrow(RangeError);
  });

  it.each([
    { name: "astral text", text: `${ASTRAL} 👍🏽 en 𝔘𝔫𝔦𝔠𝔬𝔡𝔢` },
    { name: "the seed article", text: SEED_ARTICLE },
  ])("round-trips every code point offset of $name", ({ text }) => {
    for (let codePoint = 0; codePoint <= countCodePoints(text); codePoint++) {
      expect(indexToCodePointOffset(text, codePointOffsetToIndex(text, codePoint))).toBe(codePoint);
    }
  });
});

describe("countCodePoints", () => {
  it.each([
    { text: "", count: 0 },
    { text: "vacuüm", count: 6 },
    { text: "😀", count: 1 },
    { text: ASTRAL, count: 5 },
    { text: "👍🏽", count: 2 }, // emoji + skin tone modifier: two code points, one glyph
    { text: LONE_SURROGATE, count: 3 },
  ])("$text has $count code points", ({ text, count }) => {
    expect(countCodePoints(text)).toBe(count);
  });
});

describe("snapToCodePointBoundary", () => {
  it.each([
    { index: 0, backward: 0, forward: 0, inside: false },
    { index: 1, backward: 1, forward: 1, inside: false },
    { index: 2, backward: 1, forward: 3, inside: true },
    { index: 5, backward: 4, forward: 6, inside: true },
    { index: 7, backward: 7, forward: 7, inside: false },
  ])("index $index of a😀b🎉c", ({ index, backward, forward, inside }) => {
    expect(isInsideSurrogatePair(ASTRAL, index)).toBe(inside);
    expect(snapToCodePointBoundary(ASTRAL, index, "backward")).toBe(backward);
    expect(snapToCodePointBoundary(ASTRAL, index, "forward")).toBe(forward);
  });

  it("leaves an index after a lone high surrogate alone", () => {
    expect(snapToCodePointBoundary(LONE_SURROGATE, 2, "backward")).toBe(2);
  });
});

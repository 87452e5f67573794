import { describe, expect, it } from "vitest";

import { tagPalette } from "@/lib/tags/colors";
import { isRatingColor, isReadableRatingColor } from "@/lib/verdicts/rating-colors";
import { defaultRatingScale } from "@/lib/verdicts/scale";

describe("isRatingColor", () => {
  it.each(tagPalette)("accepts the palette's $name ($color)", ({ color }) => {
    expect(isRatingColor(color)).toBe(true);
  });

  it.each(defaultRatingScale)("accepts the default scale's colour of $key ($color)", ({ color }) => {
    expect(isRatingColor(color)).toBe(true);
  });

  it.each([
    { why: "a colour of the team's own, readable both ways", color: "#9a3412", expected: true },
    { why: "too light for white text (yellow)", color: "#facc15", expected: false },
    { why: "too light for white text (light grey)", color: "#a3a3a3", expected: false },
    { why: "white", color: "#ffffff", expected: false },
    { why: "black: fine under white text, but its highlight tint is too dark for the article's text", color: "#000000", expected: false },
    { why: "navy: as black", color: "#0c0a3e", expected: false },
    { why: "not #rrggbb (short form)", color: "#000", expected: false },
    { why: "not #rrggbb (a name)", color: "red", expected: false },
    { why: "upper case (the schema lowers it first)", color: "#B91C1C", expected: false },
  ])("$why: $color → $expected", ({ color, expected }) => {
    expect(isRatingColor(color)).toBe(expected);
    expect(isReadableRatingColor(color)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";

import { getContrastRatio } from "@/lib/tags/colors";
import { defaultRatingScale, findRating, toRatingScale } from "@/lib/verdicts/scale";

describe("toRatingScale", () => {
  it("a team without rows uses the default scale: five scored ratings numbered 5 (true) to 1 (false), unverifiable unscored", () => {
    const scale = toRatingScale([]);
    expect(scale.ratings.map((rating) => [rating.key, rating.value])).toEqual([
      ["true", 5],
      ["mostly_true", 4],
      ["half_true", 3],
      ["mostly_false", 2],
      ["false", 1],
      ["unverifiable", null],
    ]);
    expect(scale).toMatchObject({ bestRating: 5, worstRating: 1 });
    expect(scale.ratings.every((rating) => rating.label === null)).toBe(true);
  });

  it("a team's rows replace the default, ordered by position, numbered by their place among the scored ones", () => {
    const scale = toRatingScale([
      { key: "wrong", label: "Onjuist", color: "#b91c1c", position: 2, scored: true },
      { key: "right", label: "Juist", color: "#15803d", position: 0, scored: true },
      { key: "unclear", label: "Onduidelijk", color: "#475569", position: 1, scored: false },
    ]);
    expect(scale.ratings.map((rating) => [rating.key, rating.label, rating.value])).toEqual([
      ["right", "Juist", 2],
      ["unclear", "Onduidelijk", null],
      ["wrong", "Onjuist", 1],
    ]);
    expect(scale).toMatchObject({ bestRating: 2, worstRating: 1 });
    expect(findRating(scale, "wrong")?.color).toBe("#b91c1c");
    expect(findRating(scale, "mostly_false")).toBeUndefined();
  });

  it.each(defaultRatingScale)("the default colour of $key keeps 4.5:1 contrast with white text", ({ color }) => {
    expect(getContrastRatio(color, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });
});

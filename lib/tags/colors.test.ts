import { describe, expect, it } from "vitest";

import { defaultTags, getContrastRatio, tagColorPattern } from "@/lib/tags/colors";

describe("default tag colours", () => {
  it("are the four default tags, in order", () => {
    expect(defaultTags.map((tag) => tag.name)).toEqual(["military", "diplomatic", "energy", "mercenaries"]);
  });

  it.each(defaultTags)("$name ($color) is a #rrggbb colour with at least 4.5:1 contrast against white", ({ color }) => {
    expect(color).toMatch(tagColorPattern);
    expect(getContrastRatio(color, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("are all distinct", () => {
    expect(new Set(defaultTags.map((tag) => tag.color)).size).toBe(defaultTags.length);
  });

  it("computes the textbook contrast of black on white", () => {
    expect(getContrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
  });
});

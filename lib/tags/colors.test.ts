import { describe, expect, it } from "vitest";

import { defaultTags, getContrastRatio, isPaletteColor, tagColorPattern, tagPalette } from "@/lib/tags/colors";

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

describe("the tag palette", () => {
  it.each(tagPalette)("$name ($color) is a #rrggbb colour with at least 4.5:1 contrast against white", ({ color }) => {
    expect(color).toMatch(tagColorPattern);
    expect(getContrastRatio(color, "#ffffff")).toBeGreaterThanOrEqual(4.5);
  });

  it("has distinct colours and distinct names", () => {
    expect(new Set(tagPalette.map((entry) => entry.color)).size).toBe(tagPalette.length);
    expect(new Set(tagPalette.map((entry) => entry.name.toLowerCase())).size).toBe(tagPalette.length);
  });

  it("contains every default tag's colour, so default tags keep a choosable colour", () => {
    for (const tag of defaultTags) expect(isPaletteColor(tag.color)).toBe(true);
  });

  it.each([
    { color: "#b91c1c", expected: true },
    { color: "#B91C1C", expected: false },
    { color: "#ffffff", expected: false },
    { color: "#fde68a", expected: false },
    { color: "red", expected: false },
    { color: "", expected: false },
  ])("isPaletteColor($color) → $expected", ({ color, expected }) => {
    expect(isPaletteColor(color)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";

import { proposeVerdictInputSchema, updateRatingScaleInputSchema } from "@/lib/verdicts/schema";

const firstIssue = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => {
  const issue = result.error?.issues[0];
  return issue && { path: issue.path.join("."), message: issue.message };
};

describe("proposeVerdictInputSchema", () => {
  it("trims the rating and the summary, and keeps the summary's line breaks", () => {
    expect(proposeVerdictInputSchema.parse({ rating: " mostly_false ", summary: "  Eerste regel.\nTweede regel.  " })).toEqual({
      rating: "mostly_false",
      summary: "Eerste regel.\nTweede regel.",
    });
  });

  it.each([
    { what: "no rating", input: { rating: "", summary: "x" }, path: "rating", message: "Choose a rating" },
    { what: "a blank summary", input: { rating: "true", summary: "   " }, path: "summary", message: "Write a summary of the verdict" },
    { what: "a summary of 2,001 characters", input: { rating: "true", summary: "a".repeat(2001) }, path: "summary", message: "A summary has at most 2,000 characters" },
    { what: "NUL in the summary", input: { rating: "true", summary: "a\u0000b" }, path: "summary", message: "A summary cannot contain control characters other than tabs and line breaks" },
    { what: "a lone surrogate in the rating", input: { rating: "\ud800", summary: "x" }, path: "rating", message: "A rating is not valid Unicode text (it contains a lone surrogate)" },
  ])("refuses $what, naming the field", ({ input, path, message }) => {
    expect(firstIssue(proposeVerdictInputSchema.safeParse(input))).toEqual({ path, message });
  });

  it("takes a summary of exactly 2,000 characters", () => {
    expect(proposeVerdictInputSchema.safeParse({ rating: "true", summary: "a".repeat(2000) }).success).toBe(true);
  });
});

describe("updateRatingScaleInputSchema", () => {
  const rating = (overrides: Record<string, unknown> = {}) => ({ key: "true", label: "Klopt", color: "#15803D", ...overrides });

  it("lowers colours, trims labels, and keeps a null label (the built-in one)", () => {
    expect(updateRatingScaleInputSchema.parse({ ratings: [rating({ label: "  Klopt  " }), rating({ key: "false", label: null, color: "#3f6212" })] })).toEqual({
      ratings: [
        { key: "true", label: "Klopt", color: "#15803d" },
        { key: "false", label: null, color: "#3f6212" },
      ],
    });
  });

  it.each([
    { what: "an empty label", ratings: [rating({ label: "  " })], path: "ratings.0.label", message: "A rating's label cannot be empty" },
    { what: "a label of 41 characters", ratings: [rating({ label: "a".repeat(41) })], path: "ratings.0.label", message: "A rating's label has at most 40 characters" },
    { what: "a colour that is not #rrggbb", ratings: [rating({ color: "green" })], path: "ratings.0.color", message: "Write a colour as #rrggbb" },
    {
      what: "a colour too light for white text",
      ratings: [rating({ color: "#fde047" })],
      path: "ratings.0.color",
      message: "Choose a palette colour, or a colour dark enough for white text and light enough to tint a highlight (4.5:1 contrast both ways)",
    },
    { what: "no ratings", ratings: [], path: "ratings", message: "Give the scale's ratings" },
  ])("refuses $what, naming the field", ({ ratings, path, message }) => {
    expect(firstIssue(updateRatingScaleInputSchema.safeParse({ ratings }))).toEqual({ path, message });
  });
});

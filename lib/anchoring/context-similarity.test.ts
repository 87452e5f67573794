import { describe, expect, it } from "vitest";

import { MAX_CONTEXT_COMPARED, prefixSimilarity, scoreContext, suffixSimilarity } from "./context-similarity";

const text = "de regering wil de belasting verlagen, zegt de minister";
const start = text.indexOf("de belasting");
const end = start + "de belasting".length;

describe("context similarity, anchored at the quote", () => {
  it.each([
    { prefix: "de regering wil ", similarity: 1 },
    { prefix: "ering wil ", similarity: 1 }, // shorter than the text before: still all there
    { prefix: "de regering wil ook ", similarity: 1 - 4 / 20 }, // "ook " deleted beside the quote
    { prefix: "de regering wil", similarity: 1 - 1 / 15 }, // the space is in the text, not in the prefix
    { prefix: "de oppositie wil ", similarity: 1 - 8 / 17 }, // "oppositie" → "regering": 8 edits
  ])("prefix $prefix", ({ prefix, similarity }) => {
    expect(prefixSimilarity(text, start, prefix)).toBeCloseTo(similarity, 5);
  });

  it.each([
    { suffix: " verlagen, zegt", similarity: 1 },
    { suffix: " flink verlagen", similarity: 1 - 6 / 15 }, // "flink " was not in the text
    { suffix: " verhogen, zegt", similarity: 1 - 2 / 15 }, // h→l, o→a
  ])("suffix $suffix", ({ suffix, similarity }) => {
    expect(suffixSimilarity(text, end, suffix)).toBeCloseTo(similarity, 5);
  });

  it("no context stored: no evidence either way", () => {
    expect(prefixSimilarity(text, start, "")).toBeUndefined();
    expect(suffixSimilarity(text, end, "")).toBeUndefined();
    expect(scoreContext(text, start, end, "", "")).toEqual({ score: undefined, oneSideHolds: false });
  });

  it("at the edges of the text, what is missing counts as deleted", () => {
    expect(prefixSimilarity(text, 0, "iets ervoor")).toBe(0);
    expect(suffixSimilarity(text, text.length, " en verder")).toBe(0);
  });

  it("weights each side by its length, and says whether one side of 16+ characters is there verbatim", () => {
    const prefix = "de regering wil "; // 16, verbatim
    const suffix = " verhogen"; // 9, 2 substitutions
    const agreement = scoreContext(text, start, end, prefix, suffix);
    expect(agreement.score).toBeCloseTo(1 - 2 / 25, 5);
    expect(agreement.oneSideHolds).toBe(true);
    expect(scoreContext(text, start, end, "regering wil ", suffix).oneSideHolds).toBe(false); // 13 characters
  });

  it(`compares at most ${MAX_CONTEXT_COMPARED} characters a side, quickly, however long the stored context`, () => {
    const long = "x".repeat(10_000) + "de regering wil ";
    expect(prefixSimilarity(text, start, long.slice(-MAX_CONTEXT_COMPARED))).toBeLessThan(1);
  });
});

import { describe, expect, it } from "vitest";

import { CONTEXT_LENGTH, describeTextRange } from "./describe";
import { findRange } from "./testing/find-range";
import { SEED_ARTICLE } from "./testing/seed-article";

const ARTICLE = SEED_ARTICLE;

describe("describeTextRange on the seed article", () => {
  it.each([
    { name: "Dutch typographic quotes", needle: "„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”" },
    { name: "single typographic quotes", needle: "‘Artikel 5-dilemma’" },
    { name: "accented letters", needle: "een geopolitiek vacuüm" },
    { name: "a range across two paragraphs", needle: "gesneuvelden.\n\nMaar zaterdagnacht" },
    { name: "a subheading with its paragraph", needle: "Weinig opties\n\nHet Turkse optreden" },
    { name: "the photo caption", needle: "Foto Bulent Kilic/ AFP" },
  ])("$name: quote, context and position agree with the text", ({ needle }) => {
    const range = findRange(ARTICLE, needle);
    const { quote, position } = describeTextRange(ARTICLE, range);

    expect(quote).toEqual({
      type: "TextQuoteSelector",
      exact: needle,
      prefix: ARTICLE.slice(range.start - CONTEXT_LENGTH, range.start),
      suffix: ARTICLE.slice(range.end, range.end + CONTEXT_LENGTH),
    });
    // The article has no astral characters, so code points and UTF-16 offsets coincide.
    expect(position).toEqual({ type: "TextPositionSelector", ...range });
  });

  it.each([
    { name: "first character", range: { start: 0, end: 1 }, exact: "E", prefix: "", suffix: ARTICLE.slice(1, 33) },
    {
      name: "last character",
      range: { start: ARTICLE.length - 1, end: ARTICLE.length },
      exact: "”",
      prefix: ARTICLE.slice(-33, -1),
      suffix: "",
    },
    { name: "whole text", range: { start: 0, end: ARTICLE.length }, exact: ARTICLE, prefix: "", suffix: "" },
  ])("$name: context stops at the edge of the text", ({ range, exact, prefix, suffix }) => {
    expect(describeTextRange(ARTICLE, range).quote).toEqual({
      type: "TextQuoteSelector",
      exact,
      prefix,
      suffix,
    });
  });
});

describe("describeTextRange with astral characters", () => {
  // "🎉" and "😀" are two UTF-16 units each but one code point.
  const text = "🎉 Feest 😀 — de claim staat hier.";
  const start = text.indexOf("de claim"); // 14 in UTF-16, 12 in code points

  it("counts the position in code points and the context in whole characters", () => {
    expect(describeTextRange(text, { start, end: start + "de claim".length })).toEqual({
      quote: { type: "TextQuoteSelector", exact: "de claim", prefix: "🎉 Feest 😀 — ", suffix: " staat hier." },
      position: { type: "TextPositionSelector", start: 12, end: 20 },
    });
  });

  it.each([
    { name: "start inside a pair moves back", range: { start: 1, end: 8 }, exact: "🎉 Feest", position: { start: 0, end: 7 } },
    { name: "end inside a pair moves forward", range: { start: 3, end: 10 }, exact: "Feest 😀", position: { start: 2, end: 9 } },
    { name: "a lone half becomes the whole emoji", range: { start: 9, end: 10 }, exact: "😀", position: { start: 8, end: 9 } },
  ])("$name", ({ range, exact, position }) => {
    const selectors = describeTextRange(text, range);
    expect(selectors.quote.exact).toBe(exact);
    expect(selectors.position).toEqual({ type: "TextPositionSelector", ...position });
  });

  it.each([
    // 20 emoji (40 units) then "aX": 32 units before "X" would start inside an emoji.
    { name: "prefix", text: `${"😀".repeat(20)}aXb`, range: { start: 41, end: 42 }, prefix: `${"😀".repeat(15)}a`, suffix: "b" },
    { name: "suffix", text: `aXb${"😀".repeat(20)}`, range: { start: 1, end: 2 }, prefix: "a", suffix: `b${"😀".repeat(15)}` },
  ])("shortens the $name rather than cutting an emoji in half", ({ text: t, range, prefix, suffix }) => {
    const { quote } = describeTextRange(t, range);
    expect(quote.prefix).toBe(prefix);
    expect(quote.suffix).toBe(suffix);
    expect(quote.prefix.length + quote.suffix.length).toBe(CONTEXT_LENGTH);
  });
});

describe("describeTextRange rejects ranges that select nothing", () => {
  it.each([
    { name: "empty", range: { start: 5, end: 5 } },
    { name: "inverted", range: { start: 6, end: 5 } },
    { name: "negative start", range: { start: -1, end: 5 } },
    { name: "end past the text", range: { start: 0, end: ARTICLE.length + 1 } },
    { name: "NaN", range: { start: Number.NaN, end: 5 } },
    { name: "fractional", range: { start: 1.5, end: 5 } },
    { name: "infinite end", range: { start: 0, end: Number.POSITIVE_INFINITY } },
  ])("$name range throws a RangeError", ({ range }) => {
    expect(() => describeTextRange(ARTICLE, range)).toThrow(RangeError);
  });
});

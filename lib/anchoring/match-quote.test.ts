import { describe, expect, it } from "vitest";

import { describeTextRange } from "./describe";
import { matchQuote } from "./match-quote";
import { findRange, replaceInText } from "./testing/find-range";
import { SEED_ARTICLE } from "./testing/seed-article";

const ARTICLE = SEED_ARTICLE;

/** The quote and context stored for `needle` (its `occurrence`-th appearance) in the article. */
function contextOf(needle: string, occurrence = 0) {
  const range = findRange(ARTICLE, needle, occurrence);
  const { quote } = describeTextRange(ARTICLE, range);
  return { range, prefix: quote.prefix, suffix: quote.suffix, hint: range.start };
}

describe("matchQuote", () => {
  it.each([
    { name: "empty quote", text: "tekst", quote: "" },
    { name: "empty text", text: "", quote: "tekst" },
    { name: "more than half the quote differs", text: "Even leek Rusland er in geslaagd", quote: "wapenstilstand" },
  ])("$name: no match", ({ text, quote }) => {
    expect(matchQuote(text, quote)).toBeNull();
  });

  it.each([
    { name: "identical text", text: "de ‘doorbraak’ van", quote: "‘doorbraak’", expected: "‘doorbraak’" },
    { name: "ASCII quotes in the text", text: "de 'doorbraak' van", quote: "‘doorbraak’", expected: "'doorbraak'" },
    { name: "typographic quotes in the text", text: 'noemde het „een laatste kans" en', quote: '"een laatste kans"', expected: '„een laatste kans"' },
    { name: "different case", text: "de regio NAGORNO-KARABACH.", quote: "Nagorno-Karabach", expected: "NAGORNO-KARABACH" },
    { name: "en dash for a hyphen", text: "een Artikel 5–dilemma", quote: "Artikel 5-dilemma", expected: "Artikel 5–dilemma" },
    { name: "no-break space", text: "Foto Bulent\u00A0Kilic/ AFP", quote: "Foto Bulent Kilic/ AFP", expected: "Foto Bulent\u00A0Kilic/ AFP" },
  ])("$name: folded match scores 1", ({ text, quote, expected }) => {
    const match = matchQuote(text, quote);
    expect(match).not.toBeNull();
    expect(text.slice(match?.start, match?.end)).toBe(expected);
    expect(match?.score).toBe(1);
  });

  it.each([
    { name: "accent dropped", quote: "geopolitiek vacuüm", edited: "geopolitiek vacuum", expected: "geopolitiek vacuum" },
    { name: "word replaced", quote: "de Russische machtspositie in", edited: "de Russische positie in", expected: "de Russische positie in" },
    {
      name: "first word replaced",
      quote: "bedreigt de Russische machtspositie",
      edited: "ondermijnt de Russische machtspositie",
      // Fewest edits without "on": an approximate match keeps as close to the quote as it can.
      expected: "dermijnt de Russische machtspositie",
    },
    {
      name: "word inserted",
      quote: "Poetin moet iets doen om zijn greep",
      edited: "Poetin moet nu iets doen om zijn greep",
      expected: "Poetin moet nu iets doen om zijn greep",
    },
  ])("$name: finds the edited quote with a score below 1", ({ quote, edited, expected }) => {
    const { prefix, suffix, hint } = contextOf(quote);
    const text = replaceInText(ARTICLE, quote, edited);
    const match = matchQuote(text, quote, { prefix, suffix, hint });
    expect(match && text.slice(match.start, match.end)).toBe(expected);
    expect(match?.score).toBeGreaterThan(0.8);
    expect(match?.score).toBeLessThan(1);
  });

  it.each([
    { name: "3rd Nagorno-Karabach", needle: "Nagorno-Karabach", occurrence: 2 },
    { name: "6th Nagorno-Karabach", needle: "Nagorno-Karabach", occurrence: 5 },
    { name: "2nd de regio", needle: "de regio", occurrence: 1 },
    { name: "7th de regio", needle: "de regio", occurrence: 6 },
  ])("$name: prefix and suffix pick the right one among equal quotes", ({ needle, occurrence }) => {
    const { range, prefix, suffix } = contextOf(needle, occurrence);
    // No position hint: only the context can tell the occurrences apart.
    const match = matchQuote(ARTICLE, needle, { prefix, suffix });
    expect(match).toEqual({ ...range, score: 1 });
  });

  it.each([0, 3, 7])("without context, the hint picks occurrence %i of de regio", (occurrence) => {
    const range = findRange(ARTICLE, "de regio", occurrence);
    const match = matchQuote(ARTICLE, "de regio", { hint: range.start + 5 });
    expect(match?.start).toBe(range.start);
  });

  it("weighs the quote above its context", () => {
    // The first candidate has the right context but a changed quote; the second the exact quote.
    const text = "voor de regio na | voor de regi0 na";
    const match = matchQuote(text, "de regio", { prefix: "voor ", suffix: " na" });
    expect(match?.start).toBe(5);
  });

  it("returns whole code points even when an emoji differs", () => {
    const text = "Zie 😁 hier";
    const match = matchQuote(text, "😀 hier");
    expect(match).not.toBeNull();
    expect(text.slice(match?.start, match?.end)).toBe("😁 hier");
  });
});

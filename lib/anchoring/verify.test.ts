import { describe, expect, it } from "vitest";

import { describeTextRange } from "./describe";
import { findRange } from "./testing/find-range";
import { SEED_ARTICLE } from "./testing/seed-article";
import type { PartialClaimSelectors, TextPositionSelector, TextQuoteSelector, Utf16Range } from "./types";
import { MAX_CLAIM_LENGTH, resolveSubmittedSelectors, type SelectorErrorCode } from "./verify";

const ARTICLE = SEED_ARTICLE;
const EMOJI_TEXT = "🎉🎉 Feest! 👍🏽 Zie hier: de claim staat hier.\n\nEn 😀 dan verder.";

const quoteOf = (exact: string, prefix?: string, suffix?: string): TextQuoteSelector => ({
  type: "TextQuoteSelector",
  exact,
  ...(prefix === undefined ? {} : { prefix }),
  ...(suffix === undefined ? {} : { suffix }),
});
const positionOf = (start: number, end: number): TextPositionSelector => ({ type: "TextPositionSelector", start, end });

interface AcceptCase {
  name: string;
  text?: string;
  submitted: PartialClaimSelectors;
  range: Utf16Range;
}

describe("resolveSubmittedSelectors accepts honest selections", () => {
  const caption = findRange(ARTICLE, "Foto Bulent Kilic/ AFP");
  const enclaveNK = findRange(ARTICLE, "Nagorno-Karabach", 4); // "valt de enclave Nagorno-Karabach daar"
  const claim = findRange(EMOJI_TEXT, "de claim");

  it.each<AcceptCase>([
    ...[
      { name: "Dutch typographic quotes", needle: "„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”" },
      { name: "‘doorbraak’", needle: "‘doorbraak’" },
      { name: "accented letters", needle: "een geopolitiek vacuüm" },
      { name: "two paragraphs", needle: "gesneuvelden.\n\nMaar zaterdagnacht" },
      { name: "a subheading", needle: "Verdeel-en-heers\n\nDaarbij" },
      { name: "the photo caption", needle: "Terter in Azerbeidzjan. Foto Bulent Kilic/ AFP" },
    ].map(({ name, needle }) => {
      const range = findRange(ARTICLE, needle);
      return { name: `both selectors: ${name}`, submitted: describeTextRange(ARTICLE, range), range };
    }),
    { name: "both selectors: first character", submitted: describeTextRange(ARTICLE, { start: 0, end: 1 }), range: { start: 0, end: 1 } },
    {
      name: "both selectors: last character",
      submitted: describeTextRange(ARTICLE, { start: ARTICLE.length - 1, end: ARTICLE.length }),
      range: { start: ARTICLE.length - 1, end: ARTICLE.length },
    },
    { name: "both selectors: after emoji (code points)", text: EMOJI_TEXT, submitted: describeTextRange(EMOJI_TEXT, claim), range: claim },
    { name: "position only", submitted: { position: positionOf(caption.start, caption.end) }, range: caption },
    { name: "position only, after emoji", text: EMOJI_TEXT, submitted: { position: positionOf(claim.start - 4, claim.end - 4) }, range: claim },
    { name: "unique quote only", submitted: { quote: quoteOf("Foto Bulent Kilic/ AFP") }, range: caption },
    {
      name: "repeated quote singled out by a short prefix",
      submitted: { quote: quoteOf("Nagorno-Karabach", "enclave ") },
      range: enclaveNK,
    },
    {
      name: "repeated quote singled out by a short suffix",
      submitted: { quote: quoteOf("Nagorno-Karabach", undefined, " daar") },
      range: enclaveNK,
    },
    {
      name: "both selectors with context shorter than 32 characters",
      submitted: { quote: quoteOf("Nagorno-Karabach", "e ", " d"), position: positionOf(enclaveNK.start, enclaveNK.end) },
      range: enclaveNK,
    },
    {
      name: "both selectors with empty context",
      submitted: { quote: quoteOf("Nagorno-Karabach", "", ""), position: positionOf(enclaveNK.start, enclaveNK.end) },
      range: enclaveNK,
    },
  ])("$name", ({ text = ARTICLE, submitted, range }) => {
    expect(resolveSubmittedSelectors(text, submitted)).toEqual({
      ok: true,
      range,
      selectors: describeTextRange(text, range),
    });
  });

  it("returns canonical selectors, not the client's", () => {
    const result = resolveSubmittedSelectors(ARTICLE, { quote: quoteOf("Nagorno-Karabach", "enclave ") });
    expect(result.ok && result.selectors.quote.prefix).toBe("verplicht is Jerevan te steunen in het geval van een aanval, valt de enclave ".slice(-32));
  });

  it("trims nothing: surrounding whitespace is kept as selected", () => {
    const range = findRange(ARTICLE, "\n\nWeinig opties\n\n");
    const result = resolveSubmittedSelectors(ARTICLE, describeTextRange(ARTICLE, range));
    expect(result).toMatchObject({ ok: true, range, selectors: { quote: { exact: "\n\nWeinig opties\n\n" } } });
  });

  it(`accepts a claim of exactly ${MAX_CLAIM_LENGTH} characters`, () => {
    const range = { start: 0, end: MAX_CLAIM_LENGTH };
    expect(resolveSubmittedSelectors(ARTICLE, describeTextRange(ARTICLE, range))).toMatchObject({ ok: true, range });
  });
});

interface RejectCase {
  name: string;
  text?: string;
  submitted: PartialClaimSelectors;
  code: SelectorErrorCode;
}

describe("resolveSubmittedSelectors rejects", () => {
  const honest = describeTextRange(ARTICLE, findRange(ARTICLE, "‘doorbraak’"));
  const { start, end } = honest.position;
  const paragraphBreak = findRange(ARTICLE, "\n\n");
  const claim = findRange(EMOJI_TEXT, "de claim");
  const emojiCodePoints = [...EMOJI_TEXT].length;

  it.each<RejectCase>([
    { name: "nothing submitted", submitted: {}, code: "missing_selector" },
    { name: "NaN position", submitted: { position: positionOf(Number.NaN, end) }, code: "invalid_position" },
    { name: "fractional position", submitted: { position: positionOf(start + 0.5, end) }, code: "invalid_position" },
    { name: "inverted position", submitted: { quote: honest.quote, position: positionOf(end, start) }, code: "invalid_position" },
    { name: "negative start", submitted: { position: positionOf(-1, end) }, code: "position_out_of_range" },
    { name: "end past the text", submitted: { position: positionOf(start, ARTICLE.length + 1) }, code: "position_out_of_range" },
    {
      // UTF-16 length is past the end in code points.
      name: "end at the UTF-16 length of a text with emoji",
      text: EMOJI_TEXT,
      submitted: { position: positionOf(0, EMOJI_TEXT.length) },
      code: "position_out_of_range",
    },
    { name: "empty position", submitted: { position: positionOf(start, start) }, code: "empty_selection" },
    {
      name: "whitespace-only position (a paragraph break)",
      submitted: { position: positionOf(paragraphBreak.start, paragraphBreak.end) },
      code: "empty_selection",
    },
    { name: "empty quote", submitted: { quote: quoteOf("") }, code: "empty_selection" },
    { name: "whitespace-only quote", submitted: { quote: quoteOf(" \n\n\u00A0") }, code: "empty_selection" },
    { name: "range over the cap", submitted: { position: positionOf(0, MAX_CLAIM_LENGTH + 1) }, code: "too_long" },
    { name: "quote over the cap", submitted: { quote: quoteOf("a".repeat(MAX_CLAIM_LENGTH + 1)) }, code: "too_long" },
    // The cap counts code points, as selectors do: an emoji is one character, though two UTF-16 units.
    { name: "quote over the cap in code points", submitted: { quote: quoteOf("😀".repeat(MAX_CLAIM_LENGTH + 1)) }, code: "too_long" },
    { name: "quote at the cap in code points is measured, then looked for", submitted: { quote: quoteOf("😀".repeat(MAX_CLAIM_LENGTH)) }, code: "quote_not_found" },
    { name: "tampered exact", submitted: { quote: { ...honest.quote, exact: "‘mislukking’" }, position: honest.position }, code: "quote_mismatch" },
    { name: "position off by one", submitted: { quote: honest.quote, position: positionOf(start + 1, end + 1) }, code: "quote_mismatch" },
    {
      name: "exact with ASCII quotes where the text has typographic ones",
      submitted: { quote: { ...honest.quote, exact: "'doorbraak'" }, position: honest.position },
      code: "quote_mismatch",
    },
    {
      name: "exact trimmed by the client, position not",
      submitted: { quote: honest.quote, position: positionOf(start, end + 1) },
      code: "quote_mismatch",
    },
    {
      name: "position in UTF-16 units where code points are due",
      text: EMOJI_TEXT,
      submitted: { quote: quoteOf("de claim"), position: positionOf(claim.start, claim.end) },
      code: "quote_mismatch",
    },
    {
      name: "UTF-16 end past the code point count",
      text: EMOJI_TEXT,
      submitted: { position: positionOf(emojiCodePoints - 2, emojiCodePoints + 1) },
      code: "position_out_of_range",
    },
    { name: "wrong prefix", submitted: { quote: { ...honest.quote, prefix: "Maar het " }, position: honest.position }, code: "context_mismatch" },
    { name: "wrong suffix", submitted: { quote: { ...honest.quote, suffix: " van Moskou" }, position: honest.position }, code: "context_mismatch" },
    {
      name: "prefix longer than the text before",
      submitted: { quote: quoteOf("Even", "Vorige week. "), position: positionOf(0, 4) },
      code: "context_mismatch",
    },
    { name: "quote only, context fits nowhere", submitted: { quote: quoteOf("Nagorno-Karabach", "Oost-") }, code: "context_mismatch" },
    { name: "quote not in the text", submitted: { quote: quoteOf("Nagorno Karabach") }, code: "quote_not_found" },
    { name: "quote folded differently", submitted: { quote: quoteOf("'doorbraak'") }, code: "quote_not_found" },
    { name: "repeated quote without context", submitted: { quote: quoteOf("Nagorno-Karabach") }, code: "quote_ambiguous" },
    { name: "repeated quote, context too short", submitted: { quote: quoteOf("de regio", "in ") }, code: "quote_ambiguous" },
  ])("$name → $code", ({ text = ARTICLE, submitted, code }) => {
    expect(resolveSubmittedSelectors(text, submitted)).toEqual({ ok: false, code, message: expect.any(String) });
  });
});

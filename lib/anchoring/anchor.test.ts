import { describe, expect, it } from "vitest";

import { anchorClaim, MIN_FUZZY_SCORE } from "./anchor";
import { describeTextRange } from "./describe";
import { matchQuote } from "./match-quote";
import { findRange, replaceInText } from "./testing/find-range";
import { SEED_ARTICLE } from "./testing/seed-article";
import type { ClaimSelectors, PartialClaimSelectors, Utf16Range } from "./types";

const ARTICLE = SEED_ARTICLE;

/** Selectors as the client would store them for `needle` in the unedited article. */
function selectorsFor(needle: string, occurrence = 0): ClaimSelectors {
  return describeTextRange(ARTICLE, findRange(ARTICLE, needle, occurrence));
}

const LAST: Utf16Range = { start: ARTICLE.length - 1, end: ARTICLE.length };

describe("anchorClaim on the unedited article: verified position", () => {
  it.each([
    { name: "Dutch typographic quotes", range: findRange(ARTICLE, "„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”") },
    { name: "‘doorbraak’", range: findRange(ARTICLE, "‘doorbraak’") },
    { name: "‘Artikel 5-dilemma’", range: findRange(ARTICLE, "‘Artikel 5-dilemma’ (een aanval op één is een aanval op allen)") },
    { name: "Armenië", range: findRange(ARTICLE, "Armenië", 4) },
    { name: "vacuüm", range: findRange(ARTICLE, "geopolitiek vacuüm") },
    { name: "óók", range: findRange(ARTICLE, "heeft het óók de leiding") },
    { name: "én", range: findRange(ARTICLE, "onder Azerbeidzjanen én Armeniërs") },
    { name: "two paragraphs", range: findRange(ARTICLE, "gesneuvelden.\n\nMaar zaterdagnacht sneuvelde het bestand alweer.") },
    { name: "subheading Weinig opties", range: findRange(ARTICLE, "ontkend.\n\nWeinig opties\n\nHet Turkse optreden") },
    { name: "subheading Verdeel-en-heers", range: findRange(ARTICLE, "Verdeel-en-heers") },
    { name: "photo caption", range: findRange(ARTICLE, "Een vrouw loopt tussen de restanten van haar verwoeste flat, in het dorp Terter in Azerbeidzjan. Foto Bulent Kilic/ AFP") },
    { name: "4th Nagorno-Karabach", range: findRange(ARTICLE, "Nagorno-Karabach", 3) },
    { name: "6th de regio", range: findRange(ARTICLE, "de regio", 5) },
    { name: "first character", range: { start: 0, end: 1 } },
    { name: "last character", range: LAST },
    { name: "whole text", range: { start: 0, end: ARTICLE.length } },
  ])("$name", ({ range }) => {
    expect(anchorClaim(ARTICLE, describeTextRange(ARTICLE, range))).toEqual({
      status: "anchored",
      ...range,
      method: "position",
      score: 1,
    });
  });
});

interface EditCase {
  name: string;
  selectors: PartialClaimSelectors;
  document: string;
  method: "quote" | "fuzzy";
  /** Where the claim should land in the edited document. */
  range: Utf16Range;
}

/** A table row; `at` is the text the claim should land on (its `occurrence`-th appearance) or a range. */
function editCase(row: Omit<EditCase, "range"> & { at: string | Utf16Range; occurrence?: number }): EditCase {
  const { at, occurrence, ...rest } = row;
  return { ...rest, range: typeof at === "string" ? findRange(row.document, at, occurrence) : at };
}

const WITH_INTRO = "Nagorno-Karabach blijft onrustig.\n\n" + ARTICLE;

describe("anchorClaim after the document was edited", () => {
  it.each<EditCase>([
    editCase({
      name: "paragraph inserted before the claim: offsets shift, the quote is found",
      selectors: selectorsFor("‘doorbraak’"),
      document: WITH_INTRO,
      method: "quote",
      at: "‘doorbraak’",
    }),
    editCase({
      name: "sentence deleted before the claim",
      selectors: selectorsFor("een geopolitiek vacuüm"),
      document: replaceInText(ARTICLE, "Nagorno-Karabach is zo de derde proxy-oorlog tussen Turkije en Rusland geworden. ", ""),
      method: "quote",
      at: "een geopolitiek vacuüm",
    }),
    editCase({
      name: "repeated phrase: the 4th Nagorno-Karabach becomes the 5th, context picks it",
      selectors: selectorsFor("Nagorno-Karabach", 3),
      document: WITH_INTRO,
      method: "quote",
      at: "Nagorno-Karabach",
      occurrence: 4,
    }),
    editCase({
      name: "repeated phrase: the 7th de regio becomes the 8th, context picks it",
      selectors: selectorsFor("de regio", 6),
      document: replaceInText(ARTICLE, "Zaterdagnacht,", "Zaterdagnacht, in de regio,"),
      method: "quote",
      at: "de regio",
      occurrence: 7,
    }),
    editCase({
      name: "repeated phrase stored without context: the stale position picks the nearest",
      selectors: {
        quote: { type: "TextQuoteSelector", exact: "de regio" },
        position: { type: "TextPositionSelector", start: findRange(ARTICLE, "de regio", 4).start + 3, end: findRange(ARTICLE, "de regio", 4).end + 3 },
      },
      document: ARTICLE,
      method: "quote",
      at: "de regio",
      occurrence: 4,
    }),
    editCase({
      name: "first character, text inserted before it",
      selectors: describeTextRange(ARTICLE, { start: 0, end: 1 }),
      document: WITH_INTRO,
      method: "quote",
      at: { start: WITH_INTRO.indexOf("Even leek"), end: WITH_INTRO.indexOf("Even leek") + 1 },
    }),
    editCase({
      name: "last character, text inserted before it",
      selectors: describeTextRange(ARTICLE, LAST),
      document: WITH_INTRO,
      method: "quote",
      at: { start: WITH_INTRO.length - 1, end: WITH_INTRO.length },
    }),
    editCase({
      name: "quote lightly edited: a word replaced",
      selectors: selectorsFor("Het Turkse optreden bedreigt de Russische machtspositie in de regio."),
      document: replaceInText(ARTICLE, "bedreigt de Russische", "ondermijnt de Russische"),
      method: "fuzzy",
      at: "Het Turkse optreden ondermijnt de Russische machtspositie in de regio.",
    }),
    editCase({
      name: "quote lightly edited: an accent dropped",
      selectors: selectorsFor("geopolitiek vacuüm"),
      document: replaceInText(ARTICLE, "vacuüm", "vacuum"),
      method: "fuzzy",
      at: "geopolitiek vacuum",
    }),
    editCase({
      name: "quote lightly edited next to a closing Dutch quote",
      selectors: selectorsFor("bezet heeft”. De oorlog"),
      document: replaceInText(ARTICLE, "bezet heeft”. De oorlog", "bezet houdt”. De oorlog"),
      method: "fuzzy",
      at: "bezet houdt”. De oorlog",
    }),
    editCase({
      name: "quote lightly edited across a paragraph break and a subheading",
      selectors: selectorsFor("ontkend.\n\nWeinig opties\n\nHet Turkse optreden"),
      document: replaceInText(ARTICLE, "Weinig opties", "Weinig keus"),
      method: "fuzzy",
      at: "ontkend.\n\nWeinig keus\n\nHet Turkse optreden",
    }),
    editCase({
      name: "quote and the sentences around it rewritten",
      selectors: selectorsFor("Poetin moet iets doen om zijn greep op de regio te behouden."),
      document: replaceInText(
        ARTICLE,
        "Het Turkse optreden bedreigt de Russische machtspositie in de regio. Poetin moet iets doen om zijn greep op de regio te behouden. Maar veel opties heeft hij niet.",
        "De Turkse opmars bedreigt Moskou. Poetin moet nu iets doen om de greep op de regio te behouden. Maar opties heeft hij nauwelijks.",
      ),
      method: "fuzzy",
      at: "Poetin moet nu iets doen om de greep op de regio te behouden.",
    }),
    editCase({
      name: "typographic double quotes replaced by ASCII quotes",
      selectors: selectorsFor("„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”"),
      document: ARTICLE.replace(/[„”]/g, '"'),
      method: "fuzzy",
      at: '"een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft"',
    }),
    editCase({
      name: "typographic single quotes replaced by ASCII quotes",
      selectors: selectorsFor("‘Artikel 5-dilemma’"),
      document: ARTICLE.replace(/[‘’]/g, "'"),
      method: "fuzzy",
      at: "'Artikel 5-dilemma'",
    }),
    editCase({
      name: "spaces became no-break spaces",
      selectors: selectorsFor("Foto Bulent Kilic/ AFP"),
      document: replaceInText(ARTICLE, "Foto Bulent Kilic/ AFP", "Foto\u00A0Bulent\u00A0Kilic/\u00A0AFP"),
      method: "fuzzy",
      at: "Foto\u00A0Bulent\u00A0Kilic/\u00A0AFP",
    }),
  ])("$name", ({ selectors, document, method, range }) => {
    const result = anchorClaim(document, selectors);
    expect(result).toMatchObject({ status: "anchored", ...range, method });
    if (result.status === "anchored" && method === "fuzzy") {
      expect(result.score).toBeGreaterThanOrEqual(MIN_FUZZY_SCORE);
      expect(result.score).toBeLessThanOrEqual(1);
    }
  });
});

interface OrphanCase {
  name: string;
  selectors: PartialClaimSelectors;
  document: string;
}

describe("anchorClaim orphans a claim whose text is gone rather than guess", () => {
  it.each<OrphanCase>([
    {
      name: "sentence deleted",
      selectors: selectorsFor("Dit wordt door Ankara en Bakoe ontkend."),
      document: replaceInText(ARTICLE, " Dit wordt door Ankara en Bakoe ontkend.", ""),
    },
    {
      name: "subheading deleted (look-alike: veel opties)",
      selectors: selectorsFor("Weinig opties"),
      document: replaceInText(ARTICLE, "Weinig opties\n\n", ""),
    },
    {
      name: "quoted phrase deleted (look-alike: Buitenlandse Zaken van Armenië)",
      selectors: selectorsFor("een laatste kans [voor Armenië]"),
      document: replaceInText(ARTICLE, "„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”", "een ultimatum"),
    },
    {
      name: "name deleted while mentioned again later (look-alike: stuk. Devdarian)",
      selectors: selectorsFor("Javad Devdarian"),
      document: replaceInText(ARTICLE, "Kaukasus-specialist Javad Devdarian onlangs", "expert onlangs"),
    },
    {
      name: "photo caption deleted",
      selectors: selectorsFor("Een vrouw loopt tussen de restanten van haar verwoeste flat, in het dorp Terter in Azerbeidzjan. Foto Bulent Kilic/ AFP"),
      document: replaceInText(ARTICLE, "Een vrouw loopt tussen de restanten van haar verwoeste flat, in het dorp Terter in Azerbeidzjan. Foto Bulent Kilic/ AFP\n\n", ""),
    },
    {
      name: "whole paragraph deleted",
      selectors: selectorsFor("wake up call"),
      document: replaceInText(ARTICLE, ARTICLE.slice(ARTICLE.indexOf("Voor Poetin is"), ARTICLE.indexOf("tafel.”") + 7), "Einde."),
    },
    { name: "document emptied", selectors: selectorsFor("‘doorbraak’"), document: "" },
  ])("$name", ({ selectors, document }) => {
    expect(anchorClaim(document, selectors)).toEqual({ status: "orphaned", reason: "quote_not_found" });
  });
});

describe("MIN_FUZZY_SCORE sits between edited and deleted quotes", () => {
  it.each([
    { name: "a word replaced", needle: "de Russische machtspositie", document: replaceInText(ARTICLE, "machtspositie", "positie") },
    { name: "an accent dropped", needle: "geopolitiek vacuüm", document: replaceInText(ARTICLE, "vacuüm", "vacuum") },
    { name: "a typo", needle: "Javad Devdarian", document: replaceInText(ARTICLE, "Javad Devdarian", "Javad Devdariani") },
  ])("lightly edited ($name) scores well above it", ({ needle, document }) => {
    const { quote, position } = selectorsFor(needle);
    const match = matchQuote(document, quote.exact, { ...quote, hint: position.start });
    expect(match?.score).toBeGreaterThan(MIN_FUZZY_SCORE + 0.25);
  });

  it("a deleted name still has a look-alike scoring above 0.5, which is why the bar is higher", () => {
    const { quote, position } = selectorsFor("Javad Devdarian");
    const document = replaceInText(ARTICLE, "Kaukasus-specialist Javad Devdarian onlangs", "expert onlangs");
    const match = matchQuote(document, quote.exact, { ...quote, hint: position.start });
    expect(match && document.slice(match.start, match.end)).toBe("stuk. Devdarian");
    expect(match?.score).toBeGreaterThan(0.5);
    expect(match?.score).toBeLessThan(MIN_FUZZY_SCORE);
  });
});

describe("anchorClaim with astral characters before the claim", () => {
  // 🎉 and 👍🏽 take two UTF-16 units per code point: offsets in the two units diverge.
  const text = "🎉🎉 Feest! 👍🏽 Zie hier: de claim staat hier.\n\nEn 😀 dan verder.";
  const range = findRange(text, "de claim");
  const selectors = describeTextRange(text, range);

  it("stores code points and returns UTF-16 offsets", () => {
    expect(selectors.position).toEqual({ type: "TextPositionSelector", start: range.start - 4, end: range.end - 4 });
    expect(anchorClaim(text, selectors)).toEqual({ status: "anchored", ...range, method: "position", score: 1 });
  });

  it.each([
    { name: "a claim that is an emoji", needle: "😀" },
    { name: "a claim that starts with an emoji", needle: "👍🏽 Zie" },
    { name: "a claim across the paragraph break", needle: "hier.\n\nEn 😀" },
  ])("$name anchors by position", ({ needle }) => {
    const claim = findRange(text, needle);
    expect(anchorClaim(text, describeTextRange(text, claim))).toMatchObject({ ...claim, method: "position" });
  });

  it("a position stored in UTF-16 units by mistake is not trusted; the quote finds the claim", () => {
    const wrong = { ...selectors, position: { type: "TextPositionSelector" as const, ...range } };
    expect(anchorClaim(text, wrong)).toMatchObject({ ...range, method: "quote" });
  });

  it("an emoji inserted before the claim shifts it by two units", () => {
    expect(anchorClaim(`🚀${text}`, selectors)).toMatchObject({
      start: range.start + 2,
      end: range.end + 2,
      method: "quote",
    });
  });
});

describe("anchorClaim never throws on bad stored data", () => {
  const good = selectorsFor("‘doorbraak’");
  const goodRange = findRange(ARTICLE, "‘doorbraak’");
  const positionOf = (start: unknown, end: unknown) =>
    ({ type: "TextPositionSelector", start, end }) as ClaimSelectors["position"];

  it.each([
    { name: "NaN", position: positionOf(Number.NaN, Number.NaN) },
    { name: "negative start", position: positionOf(-5, 10) },
    { name: "inverted", position: positionOf(good.position.end, good.position.start) },
    { name: "empty", position: positionOf(good.position.start, good.position.start) },
    { name: "past the end", position: positionOf(ARTICLE.length + 10, ARTICLE.length + 20) },
    { name: "fractional", position: positionOf(good.position.start + 0.5, good.position.end) },
    { name: "infinite", position: positionOf(0, Number.POSITIVE_INFINITY) },
    { name: "strings", position: positionOf(String(good.position.start), String(good.position.end)) },
    { name: "null fields", position: positionOf(null, null) },
    { name: "null position", position: null as unknown as ClaimSelectors["position"] },
  ])("position $name: falls back to the quote", ({ position }) => {
    expect(anchorClaim(ARTICLE, { quote: good.quote, position })).toMatchObject({ ...goodRange, method: "quote" });
  });

  it.each([
    { name: "NaN", position: positionOf(Number.NaN, 3) },
    { name: "negative", position: positionOf(-1, 3) },
    { name: "inverted", position: positionOf(5, 3) },
    { name: "empty", position: positionOf(3, 3) },
    { name: "past the end", position: positionOf(0, ARTICLE.length + 1) },
  ])("position $name without a quote: orphaned", ({ position }) => {
    expect(anchorClaim(ARTICLE, { position })).toEqual({ status: "orphaned", reason: "invalid_position" });
  });

  it.each([
    { name: "empty exact", quote: { type: "TextQuoteSelector", exact: "" } },
    { name: "exact not a string", quote: { type: "TextQuoteSelector", exact: 42 } },
    { name: "quote null", quote: null },
  ])("quote $name with a valid position: anchors by position", ({ quote }) => {
    const selectors = { quote, position: good.position } as unknown as PartialClaimSelectors;
    expect(anchorClaim(ARTICLE, selectors)).toMatchObject({ ...goodRange, method: "position" });
  });

  it.each([
    { name: "prefix and suffix not strings", quote: { ...good.quote, prefix: 1, suffix: null } },
    { name: "prefix longer than the text before", quote: { ...good.quote, prefix: ARTICLE } },
  ])("quote with $name: still found", ({ quote }) => {
    const selectors = { quote } as unknown as PartialClaimSelectors;
    expect(anchorClaim(ARTICLE, selectors)).toMatchObject({ ...goodRange, method: "quote" });
  });

  it.each([
    { name: "no selectors", selectors: {} },
    { name: "both undefined", selectors: { quote: undefined, position: undefined } },
  ])("$name: orphaned", ({ selectors }) => {
    expect(anchorClaim(ARTICLE, selectors)).toEqual({ status: "orphaned", reason: "no_selectors" });
  });

  it("position only, in range: anchors by position", () => {
    expect(anchorClaim(ARTICLE, { position: good.position })).toMatchObject({ ...goodRange, method: "position" });
  });
});

/** Deterministic pseudo-random ranges (mulberry32), so a failure can be replayed. */
function sampleRanges(text: string, count: number, maxLength: number, seed: number): Utf16Range[] {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, () => {
    const start = Math.floor(random() * (text.length - 1));
    const length = 1 + Math.floor(random() * Math.min(maxLength, text.length - start));
    return { start, end: Math.min(text.length, start + length) };
  });
}

describe("describe → anchor round trip (property-style)", () => {
  const ASTRAL_TEXT = ARTICLE.replaceAll("Rusland", "Rusland 🇷🇺").replaceAll("Turkije", "𝐓𝐮𝐫𝐤𝐢𝐣𝐞");

  it.each([
    { name: "the article", text: ARTICLE },
    { name: "the article with flags and astral letters", text: ASTRAL_TEXT },
  ])("on $name, 300 ranges anchor back to themselves by position", ({ text }) => {
    for (const sampled of sampleRanges(text, 300, 400, 2020)) {
      const { quote, position } = describeTextRange(text, sampled);
      const result = anchorClaim(text, { quote, position });
      expect(result).toMatchObject({ status: "anchored", method: "position" });
      if (result.status === "anchored") {
        expect(text.slice(result.start, result.end)).toBe(quote.exact);
      }
    }
  });

  it("on the article, 300 ranges of 8+ characters follow a paragraph inserted before them", () => {
    for (const sampled of sampleRanges(ARTICLE, 300, 400, 1010)) {
      const range = { start: sampled.start, end: Math.min(ARTICLE.length, Math.max(sampled.end, sampled.start + 8)) };
      const shift = WITH_INTRO.length - ARTICLE.length;
      expect(anchorClaim(WITH_INTRO, describeTextRange(ARTICLE, range))).toMatchObject({
        status: "anchored",
        start: range.start + shift,
        end: range.end + shift,
      });
    }
  });
});

import { describe, expect, it } from "vitest";

import { searchWordLengthMax, searchWordsMax, splitSearchWords } from "@/lib/desk/search";

describe("splitSearchWords", () => {
  it.each([
    { typed: "wapen azerbeidzjan", words: ["wapen", "azerbeidzjan"] },
    { typed: "  Wapens,AZERBEIDZJAN! ", words: ["wapens", "azerbeidzjan"] },
    { typed: "Erdoğan", words: ["erdoğan"] },
    { typed: "Erdog\u0306an", words: ["erdoğan"], why: "a letter typed with a combining mark is one letter" },
    { typed: "İstanbul", words: ["istanbul"], why: "lower-casing's combining dot is dropped" },
    { typed: "Nagorno-Karabach", words: ["nagorno", "karabach"] },
    { typed: "OVSE-overleg 2020", words: ["ovse", "overleg", "2020"] },
    { typed: "drone drone DRONE", words: ["drone"] },
    { typed: "wapen & !rusland | 'x':*", words: ["wapen", "rusland", "x"], why: "tsquery syntax is only punctuation" },
    { typed: "?! -- …", words: [] },
    { typed: "", words: [] },
    { typed: "\u0000nul\ud800", words: ["nul"], why: "control characters and lone surrogates separate words" },
    { typed: "Москва 東京", words: ["москва", "東京"] },
  ])("$typed → $words", ({ typed, words }) => {
    expect(splitSearchWords(typed)).toEqual(words);
  });

  it(`keeps at most ${searchWordsMax} words of at most ${searchWordLengthMax} characters`, () => {
    const many = Array.from({ length: 15 }, (_, index) => `w${index}`).join(" ");
    expect(splitSearchWords(many)).toEqual(Array.from({ length: searchWordsMax }, (_, index) => `w${index}`));
    expect(splitSearchWords("a".repeat(200))).toEqual(["a".repeat(searchWordLengthMax)]);
    expect(splitSearchWords("é".repeat(100))[0]).toHaveLength(searchWordLengthMax);
  });
});

import { describe, expect, it } from "vitest";

import { blockSeparator } from "@/lib/documents/text-index";

import { extendBySentence, getSentenceSpans, snapToWords, type SentenceDirection } from "./text-boundaries";

// Like the seed article: paragraphs joined by a blank line, a heading without a full stop, abbreviations.
const dutch = [
  "Even leek Rusland er in geslaagd een wapenstilstand te bewerkstelligen. Maar de ‘doorbraak’ van het Kremlin was van korte duur.",
  "Drones boven Nagorno-Karabach",
  "Turkije leverde o.a. drones aan Azerbeidzjan. Zaterdagnacht sneuvelde het bestand alweer!",
].join(blockSeparator);

const english = "The truce held for a day. Shelling resumed on Saturday, e.g. in Stepanakert? Nobody said so.";

const sentencesOf = (text: string, locale: string) => getSentenceSpans(text, locale).map(({ start, end }) => text.slice(start, end));

/** The offset just before (`at: "start"`) or after (`at: "end"`) the first occurrence of `phrase`. */
function offsetOf(text: string, phrase: string, at: "start" | "end" = "start"): number {
  const index = text.indexOf(phrase);
  if (index < 0) throw new Error(`"${phrase}" is not in the text`);
  return at === "start" ? index : index + phrase.length;
}

describe("getSentenceSpans", () => {
  it("splits Dutch at full stops and paragraph breaks, keeps o.a. inside its sentence, drops the whitespace", () => {
    expect(sentencesOf(dutch, "nl")).toEqual([
      "Even leek Rusland er in geslaagd een wapenstilstand te bewerkstelligen.",
      "Maar de ‘doorbraak’ van het Kremlin was van korte duur.",
      "Drones boven Nagorno-Karabach",
      "Turkije leverde o.a. drones aan Azerbeidzjan.",
      "Zaterdagnacht sneuvelde het bestand alweer!",
    ]);
  });

  it("splits English at full stops and question marks, keeps e.g. inside its sentence", () => {
    expect(sentencesOf(english, "en")).toEqual(["The truce held for a day.", "Shelling resumed on Saturday, e.g. in Stepanakert?", "Nobody said so."]);
  });

  it("accepts a language Intl does not know, and the empty text", () => {
    expect(sentencesOf(english, "not a language tag")).toHaveLength(3);
    expect(getSentenceSpans("", "nl")).toEqual([]);
  });
});

describe("extendBySentence", () => {
  const first = "Even leek Rusland er in geslaagd een wapenstilstand te bewerkstelligen.";
  const second = "Maar de ‘doorbraak’ van het Kremlin was van korte duur.";
  const heading = "Drones boven Nagorno-Karabach";

  type Case = { name: string; anchor: number; head: number; direction: SentenceDirection; expected: string; backwards?: boolean };
  const cases: Case[] = [
    { name: "a caret at a sentence's start selects the sentence", anchor: 0, head: 0, direction: "forward", expected: first },
    {
      name: "again: the next sentence too, without the space after the last",
      anchor: 0,
      head: offsetOf(dutch, first, "end"),
      direction: "forward",
      expected: `${first} ${second}`,
    },
    {
      name: "across a paragraph break, to the heading",
      anchor: offsetOf(dutch, second),
      head: offsetOf(dutch, second, "end"),
      direction: "forward",
      expected: `${second}${blockSeparator}${heading}`,
    },
    {
      name: "from inside a sentence: to its end",
      anchor: offsetOf(dutch, "Rusland"),
      head: offsetOf(dutch, "Rusland"),
      direction: "forward",
      expected: "Rusland er in geslaagd een wapenstilstand te bewerkstelligen.",
    },
    {
      name: "against the direction it shrinks by a sentence",
      anchor: 0,
      head: offsetOf(dutch, second, "end"),
      direction: "backward",
      expected: first,
    },
    { name: "…down to the anchor, not past it", anchor: 0, head: offsetOf(dutch, first, "end"), direction: "backward", expected: "" },
    {
      name: "backward from a caret: to the start of its sentence",
      anchor: offsetOf(dutch, "was van korte duur"),
      head: offsetOf(dutch, "was van korte duur"),
      direction: "backward",
      expected: "Maar de ‘doorbraak’ van het Kremlin ",
      backwards: true,
    },
    {
      name: "backward from a sentence's start: the sentence before",
      anchor: offsetOf(dutch, second, "end"),
      head: offsetOf(dutch, second),
      direction: "backward",
      expected: `${first} ${second}`,
      backwards: true,
    },
    {
      name: "a backward selection shrinks forward, a sentence at a time",
      anchor: offsetOf(dutch, second, "end"),
      head: 0,
      direction: "forward",
      expected: second,
      backwards: true,
    },
    {
      name: "o.a. does not end the sentence",
      anchor: offsetOf(dutch, "Turkije"),
      head: offsetOf(dutch, "Turkije"),
      direction: "forward",
      expected: "Turkije leverde o.a. drones aan Azerbeidzjan.",
    },
    {
      name: "at the end of the text nothing moves",
      anchor: offsetOf(dutch, "Zaterdagnacht"),
      head: dutch.length,
      direction: "forward",
      expected: "Zaterdagnacht sneuvelde het bestand alweer!",
    },
  ];

  it.each(cases)("$name", ({ anchor, head, direction, expected, backwards = false }) => {
    const result = extendBySentence(dutch, { anchor, head }, direction, "nl");
    expect(result.anchor).toBe(anchor);
    expect(result.head < result.anchor).toBe(backwards && expected !== "");
    expect(dutch.slice(Math.min(result.anchor, result.head), Math.max(result.anchor, result.head))).toBe(expected);
  });

  it("works in English, e.g. past an abbreviation", () => {
    const start = offsetOf(english, "Shelling");
    const result = extendBySentence(english, { anchor: start, head: start }, "forward", "en");
    expect(english.slice(result.anchor, result.head)).toBe("Shelling resumed on Saturday, e.g. in Stepanakert?");
  });
});

describe("snapToWords", () => {
  it.each([
    { name: "ends inside words grow to the whole words", text: dutch, from: "usland er in gesla", expected: "Rusland er in geslaagd" },
    { name: "whole words stay as they are", text: dutch, from: "Rusland", expected: "Rusland" },
    { name: "whitespace at the ends is left out", text: dutch, from: " Rusland er ", expected: "Rusland er" },
    { name: "punctuation selected is kept", text: dutch, from: "bewerkstelligen. Ma", expected: "bewerkstelligen. Maar" },
    { name: "a hyphenated name is grown from either half", text: dutch, from: "rno-Kar", expected: "Nagorno-Karabach" },
    { name: "an abbreviation is one word", text: dutch, from: ".a. dro", expected: "o.a. drones" },
    { name: "English", text: english, from: "uce hel", expected: "truce held" },
  ])("$name", ({ text, from, expected }) => {
    const start = offsetOf(text, from);
    const result = snapToWords(text, { start, end: start + from.length }, "nl");
    expect(text.slice(result.start, result.end)).toBe(expected);
  });

  it("returns an empty or blank selection as it is", () => {
    expect(snapToWords(dutch, { start: 4, end: 4 }, "nl")).toEqual({ start: 4, end: 4 });
    const space = offsetOf(dutch, " Rusland");
    expect(snapToWords(dutch, { start: space, end: space + 1 }, "nl")).toEqual({ start: space, end: space + 1 });
  });
});

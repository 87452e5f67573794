import { describe, expect, it } from "vitest";

import { countAgreeingContext, findExactOccurrences, hasExactContext } from "./exact-quote";

describe("findExactOccurrences", () => {
  it.each([
    { text: "de regio, de regio", exact: "de regio", starts: [0, 10] },
    { text: "aaaa", exact: "aa", starts: [0, 1, 2] }, // overlapping occurrences count
    { text: "Armenië", exact: "armenië", starts: [] }, // verbatim: case matters
    { text: "tekst", exact: "", starts: [] },
  ])("$exact in $text", ({ text, exact, starts }) => {
    expect(findExactOccurrences(text, exact)).toEqual(starts);
  });
});

describe("context around a range", () => {
  const text = "voor de regio na";
  const range = { start: 5, end: 13 }; // "de regio"

  it.each([
    { prefix: undefined, suffix: undefined, exact: true, agreeing: 0 },
    { prefix: "voor ", suffix: " na", exact: true, agreeing: 8 },
    { prefix: "r ", suffix: " n", exact: true, agreeing: 4 },
    { prefix: "al voor ", suffix: " na", exact: false, agreeing: 8 }, // longer than the text before
    { prefix: "xoor ", suffix: " nu", exact: false, agreeing: 6 },
  ])("prefix $prefix, suffix $suffix", ({ prefix, suffix, exact, agreeing }) => {
    expect(hasExactContext(text, range, { prefix, suffix })).toBe(exact);
    expect(countAgreeingContext(text, range, { prefix, suffix })).toBe(agreeing);
  });
});

import { describe, expect, it } from "vitest";

import { findExactOccurrences, hasExactContext } from "./exact-quote";

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
    { prefix: undefined, suffix: undefined, exact: true },
    { prefix: "voor ", suffix: " na", exact: true },
    { prefix: "r ", suffix: " n", exact: true },
    { prefix: "al voor ", suffix: " na", exact: false }, // longer than the text before
    { prefix: "xoor ", suffix: " nu", exact: false },
  ])("prefix $prefix, suffix $suffix", ({ prefix, suffix, exact }) => {
    expect(hasExactContext(text, range, { prefix, suffix })).toBe(exact);
  });
});

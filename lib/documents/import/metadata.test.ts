import { describe, expect, it } from "vitest";

import { cleanLine, cleanPublishedOn, cleanSourceUrl, mergeMetadata } from "@/lib/documents/import/metadata";

describe("cleanPublishedOn", () => {
  it.each([
    ["2020-10-14", "2020-10-14"],
    ["2020-10", "2020-10"],
    [" 2021-03-09T06:30:00+01:00 ", "2021-03-09"],
    // The date as written, not moved to UTC: the paper's date, not the server's.
    ["2021-03-09T00:30:00+02:00", "2021-03-09"],
    ["2021-03-09T23:59:59Z", "2021-03-09"],
    ["2020-02-29", "2020-02-29"],
  ])("%s → %s", (value, expected) => {
    expect(cleanPublishedOn(value)).toBe(expected);
  });

  it.each(["", "yesterday", "14-10-2020", "2020-13", "2020-00-10", "2021-02-29", "2020-04-31", "2020", "2020-10-14x", null, 20201014])(
    "%s is no date",
    (value) => {
      expect(cleanPublishedOn(value)).toBeNull();
    },
  );
});

describe("cleanSourceUrl", () => {
  it.each([
    ["https://news.example.org/a?b=1#c", null, "https://news.example.org/a?b=1#c"],
    ["http://example.org", null, "http://example.org/"],
    ["/news/1", "https://example.org/base/", "https://example.org/news/1"],
  ])("%s (base %s) → %s", (value, base, expected) => {
    expect(cleanSourceUrl(value, base)).toBe(expected);
  });

  it.each(["javascript:alert(1)", "data:text/html,x", "mailto:a@example.org", "ftp://example.org/x", "/relative", "", `https://example.org/${"a".repeat(2100)}`])(
    "%s is no source URL",
    (value) => {
      expect(cleanSourceUrl(value)).toBeNull();
    },
  );
});

describe("cleanLine", () => {
  it("collapses whitespace and control characters into one line", () => {
    expect(cleanLine("  Harbour\n\texpansion\u0000 approved  ", 200)).toBe("Harbour expansion approved");
    expect(cleanLine(" \n ", 200)).toBeNull();
    expect(cleanLine(42, 200)).toBeNull();
  });

  it("cuts a long line at a word, within the limit", () => {
    const line = cleanLine("word ".repeat(100), 50);
    expect(line).toMatch(/^(word )+word…$/u);
    expect(line!.length).toBeLessThanOrEqual(50);
  });
});

describe("mergeMetadata", () => {
  it("takes each field from the first source that has it", () => {
    expect(mergeMetadata({ title: "A", byline: null }, { title: "B", byline: "C", sourceUrl: "https://x.org/" })).toEqual({
      title: "A",
      byline: "C",
      sourceUrl: "https://x.org/",
      publishedOn: null,
    });
  });
});

// The measurement of issue 18 as a test: on the seed article, a claim on every occurrence of every repeated
// phrase, one ordinary edit beside it, and not one claim may end up on another occurrence.
import { describe, expect, it } from "vitest";

import { describeTextRange } from "./describe";
import { findExactOccurrences } from "./exact-quote";
import { reanchorClaim, type ReanchorResult } from "./reanchor";
import { SEED_ARTICLE as A } from "./testing/seed-article";

/**
 * The phrases: runs of 1–3 words, at least 6 characters, that occur verbatim at least twice
 * (counted as substrings, so "Armenië" also inside "Armeniërs"). Every occurrence becomes a claim.
 */
function repeatedPhraseClaims(text: string): { phrase: string; start: number }[] {
  const words = [...text.matchAll(/[\p{L}\p{N}’'-]+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const phrases = new Set<string>();
  for (let length = 1; length <= 3; length++) {
    for (let first = 0; first + length <= words.length; first++) {
      const phrase = text.slice(words[first]!.start, words[first + length - 1]!.end);
      if (phrase.length >= 6 && findExactOccurrences(text, phrase).length >= 2) phrases.add(phrase);
    }
  }
  return [...phrases].flatMap((phrase) => findExactOccurrences(text, phrase).map((start) => ({ phrase, start })));
}

const CLAIMS = repeatedPhraseClaims(A);
const INTRO = "Nagorno-Karabach blijft onrustig.\n\n";

/** An edit beside the claimed occurrence: the new text and where that occurrence now starts. */
type Edit = (start: number, end: number) => { text: string; at: number };

const EDITS: { name: string; edit: Edit }[] = [
  {
    name: "parentheses around it",
    edit: (start, end) => ({ text: `${A.slice(0, start)}(${A.slice(start, end)})${A.slice(end)}`, at: start + 1 }),
  },
  {
    name: "a word inserted on each side",
    edit: (start, end) => ({ text: `${A.slice(0, start)}zeker ${A.slice(start, end)} echt${A.slice(end)}`, at: start + 6 }),
  },
  {
    name: "a word inserted on each side, and an intro paragraph above",
    edit: (start, end) => ({
      text: `${INTRO}${A.slice(0, start)}zeker ${A.slice(start, end)} echt${A.slice(end)}`,
      at: INTRO.length + start + 6,
    }),
  },
];

function tally(results: ReanchorResult[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const result of results) counts[result.state] = (counts[result.state] ?? 0) + 1;
  return counts;
}

describe("repeated phrases of the seed article (issue 18's measurement)", () => {
  it("finds the issue's 343 claims on 118 phrases", () => {
    expect(new Set(CLAIMS.map((claim) => claim.phrase)).size).toBe(118);
    expect(CLAIMS).toHaveLength(343);
  });

  it.each(EDITS)("$name: every claim stays on its own occurrence, anchored", ({ edit }) => {
    const wrong: string[] = [];
    const results = CLAIMS.map(({ phrase, start }) => {
      const end = start + phrase.length;
      const { text, at } = edit(start, end);
      const result = reanchorClaim(text, describeTextRange(A, { start, end }));
      if (result.state === "orphaned" || result.start !== at || result.end !== at + phrase.length) {
        wrong.push(`${phrase} @${start}: ${JSON.stringify(result)}`);
      }
      return result;
    });
    expect(wrong).toEqual([]);
    expect(tally(results)).toEqual({ anchored: 343 });
  });

  it("the claimed occurrence rewritten: no claim is anchored on another occurrence", () => {
    const results = CLAIMS.map(({ phrase, start }) => {
      const end = start + phrase.length;
      const text = `${A.slice(0, start)}iets anders${A.slice(end)}`;
      return reanchorClaim(text, describeTextRange(A, { start, end }));
    });
    // Changed (a human looks: the same words elsewhere, or an edited look-alike) or orphaned, never anchored.
    expect(results.filter((result) => result.state === "anchored")).toEqual([]);
    const counts = tally(results);
    expect((counts.changed ?? 0) + (counts.orphaned ?? 0)).toBe(343);
  });
});

import { describe, expect, it } from "vitest";

import {
  filterMentionCandidates,
  findMentionedUserIds,
  findMentionQuery,
  findMentions,
  insertMention,
  mentionPickerMax,
  splitMentions,
} from "@/lib/threads/mentions";

const anna = { userId: "a", name: "Anna" };
const annaDeVries = { userId: "adv", name: "Anna de Vries" };
const bob = { userId: "b", name: "Bob Test" };
const erdogan = { userId: "e", name: "Recep Erdoğan" };
const dotted = { userId: "d", name: "J.R. (Jan) Smit" };
const candidates = [anna, annaDeVries, bob, erdogan, dotted];

describe("findMentionedUserIds", () => {
  it.each<[string, string, string[]]>([
    ["a name after @", "Kun jij dit checken, @Bob Test?", ["b"]],
    ["at the very start", "@Anna kijk even", ["a"]],
    ["at the very end", "Dank je @Anna", ["a"]],
    ["letter case aside", "@bob test, zie alinea 6", ["b"]],
    ["two people, in the order mentioned", "@Bob Test en @Anna: wie neemt het?", ["b", "a"]],
    ["the same person twice counts once", "@Anna, @Anna!", ["a"]],
    ["the longer name wins where two overlap", "Vraag het @Anna de Vries", ["adv"]],
    ["both, where both are written", "@Anna de Vries en @Anna", ["adv", "a"]],
    ["a name with dots and brackets is matched literally", "Zie @J.R. (Jan) Smit", ["d"]],
    ["accents as written", "@Recep Erdoğan zei het", ["e"]],
    ["a name without its @ mentions nobody", "Anna en Bob Test", []],
    ["an email address mentions nobody", "mail anna@Anna.nl of x@Anna", []],
    ["a longer word is another name", "@Annabel weet het", []],
    ["a partial name mentions nobody", "@Bob weet het", []],
    ["@@ is not a mention", "@@Anna", []],
    ["an apostrophe ends a name", "@Anna's bron", ["a"]],
    ["a line break ends a name", "@Anna\nnieuwe regel", ["a"]],
    ["nothing in an empty body", "", []],
  ])("%s", (_name, body, expected) => {
    expect(findMentionedUserIds(body, candidates)).toEqual(expected);
  });

  it("never mentions a candidate with an empty name", () => {
    expect(findMentionedUserIds("@ hallo", [{ userId: "x", name: "" }, { userId: "y", name: "  " }])).toEqual([]);
  });

  it("says where each mention is, for emphasis", () => {
    expect(findMentions("Hoi @Anna en @Bob Test", candidates).map(({ start, end, candidate }) => [start, end, candidate.userId])).toEqual([
      [4, 9, "a"],
      [13, 22, "b"],
    ]);
  });
});

describe("splitMentions", () => {
  it("cuts the text into plain parts and mentions, losing nothing", () => {
    const body = "Hoi @Anna, zie <b>@Bob Test</b>!";
    const parts = splitMentions(body, candidates);
    expect(parts).toEqual([
      { text: "Hoi ", isMention: false },
      { text: "@Anna", isMention: true },
      { text: ", zie <b>", isMention: false },
      { text: "@Bob Test", isMention: true },
      { text: "</b>!", isMention: false },
    ]);
    expect(parts.map((part) => part.text).join("")).toBe(body);
  });

  it("gives the whole text as one plain part when nobody is mentioned", () => {
    expect(splitMentions("Geen namen", candidates)).toEqual([{ text: "Geen namen", isMention: false }]);
    expect(splitMentions("", candidates)).toEqual([]);
  });
});

describe("findMentionQuery", () => {
  const at = (text: string) => findMentionQuery(text, text.length);
  it.each<[string, string, { start: number; query: string } | null]>([
    ["a bare @ opens the picker", "@", { start: 0, query: "" }],
    ["what follows the @", "Hoi @An", { start: 4, query: "An" }],
    ["names with spaces", "Hoi @Anna de", { start: 4, query: "Anna de" }],
    ["after an opening bracket", "(@Bo", { start: 1, query: "Bo" }],
    ["the last @ counts", "@Anna en @B", { start: 9, query: "B" }],
    ["not inside a word (an email address)", "anna@exam", null],
    ["not when a space follows the @", "Hoi @ An", null],
    ["not across a line break", "@Anna\nen", null],
    ["not without an @", "Hoi Anna", null],
    ["not further back than 64 characters", `@${"a".repeat(65)}`, null],
  ])("%s", (_name, text, expected) => {
    const found = at(text);
    expect(found && { start: found.start, query: found.query }).toEqual(expected);
    if (found) expect(found.end).toBe(text.length);
  });

  it("looks back from the caret, not from the end of the text", () => {
    expect(findMentionQuery("Hoi @An en verder", 7)).toEqual({ start: 4, end: 7, query: "An" });
  });
});

describe("filterMentionCandidates", () => {
  const members = [
    { userId: "1", name: "Bob Test" },
    { userId: "2", name: "Anna de Vries" },
    { userId: "3", name: "Annelies Bakker" },
    { userId: "4", name: "Recep Erdoğan" },
    { userId: "5", name: "Vera Anders" },
  ];
  const names = (query: string) => filterMentionCandidates(members, query).map((member) => member.name);

  it.each<[string, string, string[]]>([
    ["an empty query offers everyone, in the given order", "", ["Bob Test", "Anna de Vries", "Annelies Bakker", "Recep Erdoğan", "Vera Anders"]],
    ["names that start with it first, then later words", "an", ["Anna de Vries", "Annelies Bakker", "Vera Anders"]],
    ["letter case aside", "BOB", ["Bob Test"]],
    ["accents aside", "erdogan", ["Recep Erdoğan"]],
    ["a later word", "vries", ["Anna de Vries"]],
    ["a query with a space", "anna de", ["Anna de Vries"]],
    ["nobody", "xyz", []],
    ["a finished mention and more text matches nobody", "Anna de Vries kijk", []],
  ])("%s", (_name, query, expected) => {
    expect(names(query)).toEqual(expected);
  });

  it(`offers at most ${mentionPickerMax}`, () => {
    const many = Array.from({ length: 20 }, (_value, index) => ({ name: `Lid ${index}` }));
    expect(filterMentionCandidates(many, "lid")).toHaveLength(mentionPickerMax);
    expect(filterMentionCandidates(many, "lid", 3)).toHaveLength(3);
  });
});

describe("insertMention", () => {
  it("replaces the query with the name and a space, and puts the caret after it", () => {
    expect(insertMention("Hoi @An", { start: 4, end: 7 }, "Anna de Vries")).toEqual({ text: "Hoi @Anna de Vries ", caret: 19 });
  });

  it("keeps the text after the caret, without doubling a space or putting one before punctuation", () => {
    expect(insertMention("Hoi @An kijk", { start: 4, end: 7 }, "Anna")).toEqual({ text: "Hoi @Anna kijk", caret: 10 });
    expect(insertMention("@B, kijk", { start: 0, end: 2 }, "Bob Test")).toEqual({ text: "@Bob Test, kijk", caret: 9 });
  });
});

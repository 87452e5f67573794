import { describe, expect, it } from "vitest";

import { describeHidden, isWithheld, type HiddenFacts } from "@/lib/moderation/policy";

const author = "00000000-0000-4000-8000-00000000000a";
const reader = "00000000-0000-4000-8000-00000000000b";
const hiddenAt = new Date("2026-03-04T05:06:07.000Z");

const hidden: HiddenFacts = { authorId: author, hiddenAt, hiddenReason: "Persoonsgegevens", hiddenBy: { name: "Mo" } };
const visible: HiddenFacts = { authorId: author, hiddenAt: null, hiddenReason: null, hiddenBy: null };

describe("describeHidden", () => {
  it.each([
    { who: "a moderator", facts: hidden, userId: reader, canModerate: true, expected: { at: hiddenAt.toISOString(), reason: "Persoonsgegevens", byName: "Mo" } },
    { who: "a moderator who is the author", facts: hidden, userId: author, canModerate: true, expected: { at: hiddenAt.toISOString(), reason: "Persoonsgegevens", byName: "Mo" } },
    { who: "the author", facts: hidden, userId: author, canModerate: false, expected: { at: hiddenAt.toISOString(), reason: "Persoonsgegevens" } },
    { who: "another member", facts: hidden, userId: reader, canModerate: false, expected: { at: hiddenAt.toISOString() } },
    { who: "a moderator, after the hider's account was deleted", facts: { ...hidden, hiddenBy: null }, userId: reader, canModerate: true, expected: { at: hiddenAt.toISOString(), reason: "Persoonsgegevens", byName: null } },
    { who: "anyone, when it is not hidden", facts: visible, userId: reader, canModerate: true, expected: null },
    { who: "its author, when it is not hidden", facts: visible, userId: author, canModerate: false, expected: null },
  ])("tells $who what they may know", ({ facts, userId, canModerate, expected }) => {
    expect(describeHidden(facts, { userId, canModerate })).toEqual(expected);
  });

  it("never gives a member the reason or the moderator as an empty or undefined key", () => {
    const view = describeHidden(hidden, { userId: reader, canModerate: false });
    expect(Object.keys(view ?? {})).toEqual(["at"]);
  });
});

describe("isWithheld", () => {
  it.each([
    { hiddenAt, canModerate: false, expected: true },
    { hiddenAt, canModerate: true, expected: false },
    { hiddenAt: null, canModerate: false, expected: false },
    { hiddenAt: null, canModerate: true, expected: false },
  ])("hidden: $hiddenAt, moderator: $canModerate → $expected", ({ hiddenAt: at, canModerate, expected }) => {
    expect(isWithheld({ hiddenAt: at }, { canModerate })).toBe(expected);
  });
});

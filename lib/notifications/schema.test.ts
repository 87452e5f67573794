import { describe, expect, it } from "vitest";

import { notificationExcerptMax, toExcerpt } from "@/lib/notifications/schema";

describe("toExcerpt", () => {
  it.each([
    { name: "short text, unchanged", text: "Weinig opties", expected: "Weinig opties" },
    { name: "whitespace runs collapsed and trimmed", text: "  Eerste regel\n\n  tweede\tregel ", expected: "Eerste regel tweede regel" },
    { name: "exactly the cap, unchanged", text: "a".repeat(80), expected: "a".repeat(80) },
    { name: "one over the cap, cut with an ellipsis", text: "a".repeat(81), expected: `${"a".repeat(79)}…` },
    { name: "a cut after a space drops the space", text: `${"a".repeat(78)} bcd`, expected: `${"a".repeat(78)}…` },
    { name: "emoji are never split", text: "🙂".repeat(100), expected: `${"🙂".repeat(79)}…` },
    { name: "empty", text: "", expected: "" },
  ])("$name", ({ text, expected }) => {
    const excerpt = toExcerpt(text);
    expect(excerpt).toBe(expected);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(notificationExcerptMax);
  });
});


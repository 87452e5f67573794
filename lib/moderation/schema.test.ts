import { describe, expect, it } from "vitest";

import { hideInputSchema, hideReasonMax } from "@/lib/moderation/schema";

describe("hideInputSchema", () => {
  it.each([
    { name: "a plain reason", input: { reason: "Persoonsgegevens" }, expected: "Persoonsgegevens" },
    { name: "a padded reason, trimmed", input: { reason: "  \n Spam\t " }, expected: "Spam" },
    { name: "a reason at the cap", input: { reason: "a".repeat(hideReasonMax) }, expected: "a".repeat(hideReasonMax) },
    { name: "a reason at the cap with padding", input: { reason: ` ${"a".repeat(hideReasonMax)} ` }, expected: "a".repeat(hideReasonMax) },
    { name: "HTML, kept as text", input: { reason: "<b>nee</b>" }, expected: "<b>nee</b>" },
  ])("accepts $name", ({ input, expected }) => {
    expect(hideInputSchema.parse(input)).toEqual({ reason: expected });
  });

  it.each([
    { name: "an empty reason", input: { reason: "" }, message: "Give a reason for hiding it" },
    { name: "a blank reason", input: { reason: " \n\t " }, message: "Give a reason for hiding it" },
    { name: "a reason over the cap", input: { reason: "a".repeat(hideReasonMax + 1) }, message: "A reason has at most 500 characters" },
    { name: "no reason", input: {}, message: undefined },
    { name: "a non-string reason", input: { reason: 5 }, message: undefined },
    { name: "null", input: null, message: undefined },
  ])("rejects $name", ({ input, message }) => {
    const result = hideInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues[0]?.message).toBe(message);
  });
});

import { describe, expect, it } from "vitest";

import { createTagInputSchema, tagLimits, tagNameKey, updateTagInputSchema } from "@/lib/tags/schema";

describe("tagNameKey", () => {
  it.each([
    { a: "sanctions", b: "Sanctions", same: true },
    { a: "SANCTIONS", b: "sanctions", same: true },
    // "é" precomposed and as "e" + combining acute accent.
    { a: "\u00e9nergie", b: "e\u0301nergie", same: true },
    { a: "Énergie", b: "énergie", same: true },
    { a: "energy", b: "energie", same: false },
    { a: "military", b: "military ", same: false },
  ])("$a vs $b → same: $same", ({ a, b, same }) => {
    expect(tagNameKey(a) === tagNameKey(b)).toBe(same);
  });
});

describe("createTagInputSchema", () => {
  it.each([
    { name: "a plain tag", input: { name: "sanctions", color: "#15803d" }, expected: { name: "sanctions", color: "#15803d" } },
    { name: "padding trimmed, case kept", input: { name: "  Sanctions ", color: "#15803d" }, expected: { name: "Sanctions", color: "#15803d" } },
    { name: "an upper-case colour, lower-cased", input: { name: "x", color: "#15803D" }, expected: { name: "x", color: "#15803d" } },
    { name: "a name at the cap", input: { name: "a".repeat(tagLimits.nameMax), color: "#b91c1c" }, expected: { name: "a".repeat(tagLimits.nameMax), color: "#b91c1c" } },
    { name: "HTML-looking text, kept as text", input: { name: "<b>x</b>", color: "#b91c1c" }, expected: { name: "<b>x</b>", color: "#b91c1c" } },
    { name: "emoji", input: { name: "🛢️ oil", color: "#8a5a00" }, expected: { name: "🛢️ oil", color: "#8a5a00" } },
  ])("accepts $name", ({ input, expected }) => {
    expect(createTagInputSchema.parse(input)).toEqual(expected);
  });

  it.each([
    { name: "an empty name", input: { name: "", color: "#15803d" }, message: "A tag name cannot be empty" },
    { name: "a blank name", input: { name: "   ", color: "#15803d" }, message: "A tag name cannot be empty" },
    { name: "a name over the cap", input: { name: "a".repeat(tagLimits.nameMax + 1), color: "#15803d" }, message: "A tag name has at most 40 characters" },
    { name: "a newline inside", input: { name: "a\nb", color: "#15803d" }, message: "A tag name cannot contain control characters" },
    { name: "a colour off the palette", input: { name: "x", color: "#fde68a" }, message: undefined },
    { name: "a colour too light for white text", input: { name: "x", color: "#ffffff" }, message: undefined },
    { name: "a named colour", input: { name: "x", color: "red" }, message: undefined },
    { name: "CSS injection in the colour", input: { name: "x", color: "#b91c1c; background: url(x)" }, message: undefined },
    { name: "no colour", input: { name: "x" }, message: undefined },
    { name: "no name", input: { color: "#15803d" }, message: undefined },
  ])("rejects $name", ({ input, message }) => {
    const result = createTagInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues[0]?.message).toBe(message);
    if (!message && "color" in input && input.color !== "#15803d") expect(result.error?.issues[0]?.message).toMatch(/^Choose one of the palette/u);
  });
});

describe("updateTagInputSchema", () => {
  it.each([
    { name: "a new name", input: { name: " Sancties " }, expected: { name: "Sancties" } },
    { name: "a new colour", input: { color: "#0f766e" }, expected: { color: "#0f766e" } },
    { name: "both", input: { name: "x", color: "#0f766e" }, expected: { name: "x", color: "#0f766e" } },
  ])("accepts $name", ({ input, expected }) => {
    expect(updateTagInputSchema.parse(input)).toEqual(expected);
  });

  it.each([
    { name: "nothing", input: {}, message: "Nothing to update" },
    { name: "an empty name", input: { name: "" }, message: "A tag name cannot be empty" },
    { name: "a colour off the palette", input: { color: "#000001" }, message: undefined },
  ])("rejects $name", ({ input, message }) => {
    const result = updateTagInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (message) expect(result.error?.issues[0]?.message).toBe(message);
  });
});

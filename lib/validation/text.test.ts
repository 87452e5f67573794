import { describe, expect, it } from "vitest";
import { z } from "zod";

import { describeTextProblem, findTextProblem, userText, type TextProblem } from "@/lib/validation/text";

describe("findTextProblem", () => {
  it.each<{ name: string; value: string; single: TextProblem | null; multi: TextProblem | null }>([
    { name: "plain text", value: "Demo newsroom", single: null, multi: null },
    { name: "the empty string", value: "", single: null, multi: null },
    { name: "accents, typographic quotes, non-Latin scripts", value: "Één ‘doorbraak’ — Нагорный Карабах 山", single: null, multi: null },
    { name: "an emoji (a surrogate pair)", value: "oil 🛢️ and flags 🇳🇱", single: null, multi: null },
    { name: "a no-break space and a zero-width joiner (format, not control)", value: "a\u00a0b\u200dc", single: null, multi: null },
    { name: "a line separator U+2028 (not a control character)", value: "a\u2028b", single: null, multi: null },
    { name: "HTML-looking text", value: "<script>alert(1)</script>", single: null, multi: null },
    { name: "a tab", value: "a\tb", single: "control_character", multi: null },
    { name: "a line feed", value: "a\nb", single: "control_character", multi: null },
    { name: "CR LF (as a textarea sends)", value: "a\r\nb", single: "control_character", multi: null },
    { name: "NUL", value: "a\u0000b", single: "control_character", multi: "control_character" },
    { name: "NUL alone", value: "\u0000", single: "control_character", multi: "control_character" },
    { name: "bell", value: "\u0007", single: "control_character", multi: "control_character" },
    { name: "vertical tab", value: "a\u000bb", single: "control_character", multi: "control_character" },
    { name: "form feed", value: "a\u000cb", single: "control_character", multi: "control_character" },
    { name: "escape (terminal sequences)", value: "\u001b[31mred", single: "control_character", multi: "control_character" },
    { name: "DEL", value: "a\u007f", single: "control_character", multi: "control_character" },
    { name: "a C1 control (U+0085)", value: "a\u0085b", single: "control_character", multi: "control_character" },
    { name: "a lone high surrogate", value: "a\ud800b", single: "lone_surrogate", multi: "lone_surrogate" },
    { name: "a lone low surrogate", value: "\udc00", single: "lone_surrogate", multi: "lone_surrogate" },
    { name: "a high surrogate at the end", value: "ab\ud83d", single: "lone_surrogate", multi: "lone_surrogate" },
    { name: "a surrogate pair reversed", value: "\ude00\ud83d", single: "lone_surrogate", multi: "lone_surrogate" },
    { name: "a lone surrogate and NUL: the surrogate first", value: "\u0000\ud800", single: "lone_surrogate", multi: "lone_surrogate" },
  ])("$name → single-line: $single, multi-line: $multi", ({ value, single, multi }) => {
    expect(findTextProblem(value)).toBe(single);
    expect(findTextProblem(value, { multiline: true })).toBe(multi);
  });
});

describe("describeTextProblem", () => {
  it.each([
    { problem: "control_character" as const, multiline: false, message: "A tag name cannot contain control characters" },
    { problem: "control_character" as const, multiline: true, message: "A tag name cannot contain control characters other than tabs and line breaks" },
    { problem: "lone_surrogate" as const, multiline: false, message: "A tag name is not valid Unicode text (it contains a lone surrogate)" },
  ])("$problem (multiline: $multiline) names the field", ({ problem, multiline, message }) => {
    expect(describeTextProblem(problem, { label: "validation.labels.tagName", multiline })).toBe(message);
  });
});

describe("userText", () => {
  const schema = z.object({ name: userText({ label: "validation.labels.teamName", trim: true }).min(1, "Give the team a name").max(5, "Too long") });

  it("accepts good text, trimmed, and chains min and max as z.string() does", () => {
    expect(schema.parse({ name: "  Klas  " })).toEqual({ name: "Klas" });
    // Surrounding whitespace goes before the rule looks: a pasted trailing newline is not part of the name.
    expect(schema.parse({ name: "\tKlas\r\n" })).toEqual({ name: "Klas" });
  });

  it.each([
    { name: "NUL", value: "a\u0000", message: "A team name cannot contain control characters" },
    { name: "a lone surrogate", value: "a\ud800", message: "A team name is not valid Unicode text (it contains a lone surrogate)" },
    { name: "a newline inside", value: "Kl\nas", message: "A team name cannot contain control characters" },
    // Trimming removes whitespace only: NUL at either end stays, and is refused.
    { name: "NUL at the end", value: "Klas\u0000", message: "A team name cannot contain control characters" },
  ])("refuses $name with an issue at the field's path", ({ value, message }) => {
    const result = schema.safeParse({ name: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["name"], message });
  });

  it("still reports the other rules", () => {
    const result = schema.safeParse({ name: "\u0000toolong" });
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["A team name cannot contain control characters", "Too long"]);
  });

  it("without trim, keeps surrounding whitespace (passwords, quotes)", () => {
    expect(userText({ label: "validation.labels.password" }).parse("  secret  ")).toBe("  secret  ");
  });

  it("keeps tabs and line breaks in multi-line fields", () => {
    expect(userText({ label: "validation.labels.comment", multiline: true }).parse("Eerste regel\r\n\tTweede")).toBe("Eerste regel\r\n\tTweede");
  });

  it("refuses what is not a string, as z.string() does", () => {
    for (const value of [5, null, undefined, ["a"], { toString: () => "a" }]) expect(userText({ label: "validation.labels.name" }).safeParse(value).success).toBe(false);
  });
});

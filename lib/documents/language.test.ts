import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { detectLanguage, documentLanguageSchema } from "@/lib/documents/language";

describe("detectLanguage", () => {
  it("tells the seed article is Dutch and an English paragraph English", () => {
    expect(detectLanguage(readFileSync("../shared/articles/nagorno-karabach-2020-10.txt", "utf8"))).toBe("nl");
    expect(detectLanguage("Azerbaijan and Armenia agreed to a ceasefire on Saturday, but both sides accused each other of breaking it within hours.")).toBe("en");
  });

  it("answers und when the text is too short to tell", () => {
    expect(detectLanguage("Foto")).toBe("und");
    expect(detectLanguage("   ")).toBe("und");
  });
});

describe("documentLanguageSchema", () => {
  it("stores a tag in its canonical spelling", () => {
    expect(documentLanguageSchema.parse("NL-be")).toBe("nl-BE");
    expect(documentLanguageSchema.parse(" en ")).toBe("en");
  });

  it.each(["", "dutch language", "x", "nl_NL", "a".repeat(40), "de-🙂"])("refuses %j, naming lang", (value) => {
    const result = documentLanguageSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/^lang must be/u);
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";

import { createTeamInputSchema } from "@/lib/teams/schema";
import { getTranslate } from "@/lib/i18n/translators";
import type { Locale } from "@/lib/i18n/locales";
import { commentBodySchema } from "@/lib/threads/schema";
import { findValidationMessage, localizeIssue, validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

/** The message of the first issue `schema` raises for `input`, in `locale`. */
function firstMessage(schema: z.ZodType, input: unknown, locale: Locale): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected the parse to fail");
  return localizeIssue(result.error.issues[0]!, locale, getTranslate(locale));
}

describe("validationMessage", () => {
  it("is the English text of its key, with its values, and remembers where it came from", () => {
    const text = validationMessage("validation.tags.nameTooLong", { maximum: 40 });
    expect(text).toBe("A tag name has at most 40 characters");
    expect(findValidationMessage(text)).toEqual({ key: "validation.tags.nameTooLong", values: { maximum: 40 } });
  });

  it("may be given again by another schema (teams and invites both ask for a role)", () => {
    expect(validationMessage("validation.teams.chooseRole")).toBe(validationMessage("validation.teams.chooseRole"));
    expect(findValidationMessage("Choose moderator, member or viewer")).toEqual({ key: "validation.teams.chooseRole" });
  });

  it("is not found for text no schema gave (zod's own messages)", () => {
    expect(findValidationMessage("Invalid input")).toBeUndefined();
  });
});

describe("localizeIssue", () => {
  it.each([
    { name: "a schema's own message", schema: createTeamInputSchema, input: { name: " " }, en: "Give the team a name", nl: "Geef het team een naam" },
    {
      name: "a limit, formatted as a number in each language",
      schema: commentBodySchema,
      input: "x".repeat(5_001),
      en: "A comment has at most 5,000 characters",
      nl: "Een reactie heeft maximaal 5.000 tekens",
    },
    {
      name: "the text rule, naming the field by its label",
      schema: commentBodySchema,
      input: "a\u0000b",
      en: "A comment cannot contain control characters other than tabs and line breaks",
      nl: "Een reactie mag geen andere stuurtekens bevatten dan tabs en regeleinden",
    },
    {
      name: "a wrong type, naming what was received",
      schema: z.object({ name: z.string() }),
      input: { name: [1] },
      en: "Invalid input: expected string, received array",
      nl: "Ongeldige invoer: string verwacht, array ontvangen",
    },
    {
      name: "zod's own message for a limit without one of ours (Dutch from zod's locale)",
      schema: z.string().max(3),
      input: "abcd",
      en: "Too big: expected string to have <=3 characters",
      nl: "Te lang: verwacht dat string <=3 tekens heeft",
    },
  ])("$name", ({ schema, input, en, nl }) => {
    expect(firstMessage(schema, input, "en")).toBe(en);
    expect(firstMessage(schema, input, "nl")).toBe(nl);
  });

  it("keeps the English text as zod's message, for the browser's own checks and for logs", () => {
    const result = userText({ label: "validation.labels.tagName" }).safeParse("\ud800");
    expect(result.error?.issues[0]?.message).toBe("A tag name is not valid Unicode text (it contains a lone surrogate)");
  });

  it("words a wrong type as zod's English locale does, for every kind of value", () => {
    const english = z.locales.en().localeError;
    for (const input of [1, Number.NaN, Number.POSITIVE_INFINITY, null, undefined, true, {}, [], new Date(0), new Map()]) {
      const result = z.string().safeParse(input);
      expect(result.error?.issues[0]?.message).toBe(english({ code: "invalid_type", expected: "string", input } as z.core.$ZodRawIssue));
    }
  });
});

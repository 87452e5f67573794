import { describe, expect, it } from "vitest";

import { documentContentSchema } from "@/lib/documents/content-schema";
import { importArticleText } from "@/lib/documents/article-import";
import { createDocumentInputSchema, documentLimits } from "@/lib/documents/schema";

describe("createDocumentInputSchema", () => {
  it.each([
    { name: "a short article", input: { title: " Een kort bericht ", text: "date 2021-05 Eerste alinea.\n\nTussenkop\n\nTweede alinea." } },
    { name: "Windows line breaks and tabs", input: { title: "x", text: "Eerste alinea.\r\n\r\n\tTweede alinea." } },
    { name: "the most paragraphs a document holds", input: { title: "x", text: "Alinea.\n\n".repeat(documentLimits.blocksMax) } },
  ])("accepts $name, and what it accepts imports to content the reader accepts", ({ input }) => {
    const parsed = createDocumentInputSchema.parse(input);
    expect(parsed.title).toBe(input.title.trim());
    expect(documentContentSchema.safeParse(importArticleText(parsed.text).content).success).toBe(true);
  });

  it.each([
    { name: "an empty text", input: { title: "x", text: "" }, path: "text", message: "Paste the article's text" },
    { name: "a blank text", input: { title: "x", text: " \n\n\t " }, path: "text", message: "Paste the article's text" },
    // The date prefix is metadata: nothing would be left to show (this used to be a 500 from the import).
    { name: "a date line alone", input: { title: "x", text: "date 2020-10" }, path: "text", message: "Paste the article's text" },
    {
      // Stored, it could never be read back (documentContentSchema allows 10,000 blocks): a 201, then 422s and 500s.
      name: "more paragraphs than a document holds",
      input: { title: "x", text: "a.\n\n".repeat(documentLimits.blocksMax + 1) },
      path: "text",
      message: "An article has at most 10,000 paragraphs",
    },
    { name: "NUL in the text", input: { title: "x", text: "Eerste\u0000 alinea." }, path: "text", message: "An article cannot contain control characters other than tabs and line breaks" },
    { name: "a lone surrogate in the text", input: { title: "x", text: "Eerste \ud800 alinea." }, path: "text", message: "An article is not valid Unicode text (it contains a lone surrogate)" },
    { name: "NUL in the title", input: { title: "x\u0000", text: "Tekst." }, path: "title", message: "A title cannot contain control characters" },
    { name: "a line break in the title", input: { title: "een\ntwee", text: "Tekst." }, path: "title", message: "A title cannot contain control characters" },
    { name: "a blank title", input: { title: "   ", text: "Tekst." }, path: "title", message: "Give the document a title" },
  ])("refuses $name, naming the field", ({ input, path, message }) => {
    const result = createDocumentInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message }));
  });
});

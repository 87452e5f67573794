import { describe, expect, it } from "vitest";

import { documentContentSchema } from "@/lib/documents/content-schema";
import { importArticleText } from "@/lib/documents/article-import";
import { createDocumentInputSchema, documentLimits, updateDocumentInputSchema } from "@/lib/documents/schema";

describe("createDocumentInputSchema", () => {
  it.each([
    { name: "a short article", input: { title: " Een kort bericht ", text: "date 2021-05 Eerste alinea.\n\nTussenkop\n\nTweede alinea." } },
    { name: "Windows line breaks and tabs", input: { title: "x", text: "Eerste alinea.\r\n\r\n\tTweede alinea." } },
    { name: "the most paragraphs a document holds", input: { title: "x", text: "Alinea.\n\n".repeat(documentLimits.blocksMax) } },
  ])("accepts $name, and what it accepts imports to content the reader accepts", ({ input }) => {
    const parsed = createDocumentInputSchema.parse(input);
    expect(parsed.title).toBe(input.title.trim());
    expect(parsed.source.format).toBe("text");
    expect(documentContentSchema.safeParse(importArticleText(String(parsed.source.content)).content).success).toBe(true);
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

describe("createDocumentInputSchema with a format", () => {
  it("takes { title, format, content } and the metadata, as createDocument's input", () => {
    expect(
      createDocumentInputSchema.parse({
        title: " Titel ",
        format: "markdown",
        content: "# Kop\n\nTekst.",
        byline: " Anna de Vries ",
        sourceUrl: "https://news.example.org/a b",
        publishedAt: "2021-03-09T06:30:00+01:00",
        lang: "nl",
      }),
    ).toEqual({
      title: "Titel",
      source: { format: "markdown", content: "# Kop\n\nTekst." },
      byline: "Anna de Vries",
      sourceUrl: "https://news.example.org/a%20b",
      publishedOn: "2021-03-09",
      lang: "nl",
    });
  });

  it("leaves the title and metadata to the article when they are left out (or blank)", () => {
    expect(createDocumentInputSchema.parse({ format: "html", content: "<p>x</p>", byline: "", sourceUrl: " " })).toEqual({
      title: null,
      source: { format: "html", content: "<p>x</p>" },
      byline: null,
      sourceUrl: null,
      publishedOn: null,
      lang: undefined,
    });
    expect(createDocumentInputSchema.parse({ content: "Platte tekst." }).source).toEqual({ format: "text", content: "Platte tekst." });
  });

  it.each([
    { name: "neither text nor content", input: { title: "x" }, path: "content", message: "Paste the article, or upload it as a file" },
    { name: "both text and content", input: { title: "x", text: "a", content: "b" }, path: "text", message: "Send the article either as text or as content, not both" },
    { name: "text with a rich format", input: { title: "x", text: "a", format: "html" }, path: "format", message: "text is plain text: send Markdown or HTML as content" },
    { name: "a format that is not a name", input: { content: "a", format: 3 }, path: "format", message: 'format must be "text", "markdown" or "html"' },
    { name: "NUL in the content", input: { content: "a\u0000b" }, path: "content", message: "An article cannot contain control characters other than tabs and line breaks" },
    { name: "a javascript: source URL", input: { content: "a", sourceUrl: "javascript:alert(1)" }, path: "sourceUrl", message: "The source URL must be an http:// or https:// address" },
    { name: "a relative source URL", input: { content: "a", sourceUrl: "/news/1" }, path: "sourceUrl", message: "The source URL must be an http:// or https:// address" },
    { name: "a date that does not exist", input: { content: "a", publishedAt: "2021-02-30" }, path: "publishedAt", message: "The publication date must be a date such as 2020-10-14, or a month such as 2020-10" },
    { name: "a date in another order", input: { content: "a", publishedAt: "14-10-2020" }, path: "publishedAt", message: "The publication date must be a date such as 2020-10-14, or a month such as 2020-10" },
    { name: "a long byline", input: { content: "a", byline: "b".repeat(201) }, path: "byline", message: "A byline has at most 200 characters" },
    { name: "a line break in the byline", input: { content: "a", byline: "Ann\nBob" }, path: "byline", message: "A name cannot contain control characters" },
  ])("refuses $name, naming the field", ({ input, path, message }) => {
    const result = createDocumentInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toContainEqual(expect.objectContaining({ path: [path], message }));
  });

  it("accepts a month as the publication date", () => {
    expect(createDocumentInputSchema.parse({ content: "a", publishedAt: "2020-10" }).publishedOn).toBe("2020-10");
  });
});

describe("updateDocumentInputSchema", () => {
  it("takes any of lang, title, byline, sourceUrl and publishedAt; null or blank clears the last three", () => {
    expect(updateDocumentInputSchema.parse({ title: " Nieuw ", publishedAt: "2020-10" })).toEqual({ title: "Nieuw", publishedOn: "2020-10" });
    expect(updateDocumentInputSchema.parse({ byline: null, sourceUrl: "", publishedAt: null })).toEqual({ byline: null, sourceUrl: null, publishedOn: null });
    expect(updateDocumentInputSchema.parse({ lang: "nl" })).toEqual({ lang: "nl" });
  });

  it.each([
    { name: "nothing", input: {} },
    { name: "an unknown field", input: { lang: "nl", colour: "red" } },
    { name: "a blank title", input: { title: " " } },
    { name: "a null title", input: { title: null } },
    { name: "an ftp source URL", input: { sourceUrl: "ftp://example.org/x" } },
  ])("refuses $name", ({ input }) => {
    expect(updateDocumentInputSchema.safeParse(input).success).toBe(false);
  });
});

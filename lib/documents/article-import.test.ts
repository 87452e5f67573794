import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { importArticleText } from "@/lib/documents/article-import";
import { documentContentSchema } from "@/lib/documents/content-schema";
import { getBlockText } from "@/lib/documents/text-index";

const seedArticle = readFileSync(new URL("../../prisma/seed/articles/nagorno-karabach-2020-10.txt", import.meta.url), "utf8");

describe("importArticleText on the seed article", () => {
  const article = importArticleText(seedArticle);
  const blocks = article.content.content;

  it("takes the date line as metadata, not as text", () => {
    expect(article.publishedOn).toBe("2020-10");
    expect(article.text.startsWith("Even leek Rusland er in geslaagd")).toBe(true);
    expect(article.text).not.toContain("date 2020-10");
  });

  it("finds the two subheadings and nothing else as a heading", () => {
    const headings = blocks.filter((block) => block.type === "heading").map(getBlockText);
    expect(headings).toEqual(["Weinig opties", "Verdeel-en-heers"]);
  });

  it("finds the photo caption", () => {
    const captions = blocks.filter((block) => block.type === "caption").map(getBlockText);
    expect(captions).toHaveLength(1);
    expect(captions[0]).toMatch(/^Een vrouw loopt tussen de restanten .*Foto Bulent Kilic\/ AFP$/u);
  });

  it("keeps every paragraph, in order, with its typographic quotes and accents", () => {
    const paragraphs = blocks.filter((block) => block.type === "paragraph").map(getBlockText);
    expect(paragraphs).toHaveLength(14);
    expect(paragraphs[0]).toContain("de ‘doorbraak’ van het Kremlin");
    expect(article.text).toContain("„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”");
    expect(article.text).toContain("geopolitiek vacuüm");
    expect(paragraphs.at(-1)).toMatch(/aan de onderhandelingstafel\.”$/u);
  });

  it("joins blocks with a blank line, so the text is the source body", () => {
    const body = seedArticle.trim().replace(/^date 2020-10\s+/u, "");
    expect(article.text).toBe(body);
  });

  it("produces content that the stored-content schema accepts", () => {
    expect(documentContentSchema.safeParse(article.content).success).toBe(true);
  });
});

describe("importArticleText edge cases", () => {
  it.each([
    ["no date line", "Kop\n\nEen alinea.", null, ["heading", "paragraph"]],
    ["Windows line endings and a BOM", "\uFEFFdate 2021-03-04 Eerste alinea.\r\n\r\nTweede alinea.", "2021-03-04", ["paragraph", "paragraph"]],
    ["wrapped lines inside a block", "Een lange\nalinea die doorloopt.\n\n\n\nNog een.", null, ["paragraph", "paragraph"]],
  ])("%s", (_name, source, publishedOn, types) => {
    const article = importArticleText(source);
    expect(article.publishedOn).toBe(publishedOn);
    expect(article.content.content.map((block) => block.type)).toEqual(types);
  });

  it("rejects an empty article", () => {
    expect(() => importArticleText("  \n \n")).toThrow(/no text/u);
  });
});

describe("importArticleText on adversarial text", () => {
  it("classifies a 195,000-character paragraph full of 'Foto ' in one pass", () => {
    const text = `${"Foto ".repeat(39_000)}.`;
    // Linear now: the backtracking regex it replaced took ~10 s here, past the test's time-out.
    const article = importArticleText(text);
    expect(article.content.content[0]?.type).toBe("paragraph");
    expect(importArticleText("Een vrouw in Terter. Foto Bulent Kilic/ AFP").content.content[0]?.type).toBe("caption");
  });
});

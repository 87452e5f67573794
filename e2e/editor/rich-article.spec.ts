import { articleReader, openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";
import { unsafeCreatePublishedVerdict } from "../../lib/testing/verdict-factories";
import { claimOnCurrentText, saveVersionThroughApi, type JsonNode } from "./save-version-through-api";

// An article with quotes, nested lists, emphasis and links keeps that structure wherever it is shown: in the
// reader (tiptap), in the editor and on the public page, with the claims drawn on the text inside it.

const text = (value: string, marks?: JsonNode[]): JsonNode => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: JsonNode[]): JsonNode => ({ type: "paragraph", content });
const item = (...content: JsonNode[]): JsonNode => ({ type: "listItem", content });

/** A quote and a bulleted list with a numbered list inside, after the article's first paragraph. */
function addStructure(content: JsonNode): JsonNode {
  const blocks = content.content ?? [];
  return {
    ...content,
    content: [
      blocks[0]!,
      { type: "blockquote", content: [paragraph(text("Rust is wat het Kremlin "), text("bovenal", [{ type: "bold" }]), text(" wil."))] },
      {
        type: "bulletList",
        content: [
          item(paragraph(text("Eerste punt met "), text("nadruk", [{ type: "italic" }]))),
          item(
            paragraph(text("Tweede punt")),
            { type: "orderedList", content: [item(paragraph(text("Genest punt met een "), text("bron", [{ type: "link", attrs: { href: "https://example.org/bron" } }])))] },
          ),
        ],
      },
      ...blocks.slice(1),
    ],
  };
}

test("quotes, nested lists, emphasis and links: in the reader, the editor and on the public page, with claims on them", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await saveVersionThroughApi(page.request, team.documentId, addStructure, "Structuur");
  const claim = await claimOnCurrentText(page.request, team.documentId, "Genest punt met een bron");

  await openDocument(page, team.documentUrl);
  const reader = articleReader(page);
  await expect(reader.locator("blockquote > p")).toHaveText("Rust is wat het Kremlin bovenal wil.");
  await expect(reader.locator("blockquote strong")).toHaveText("bovenal");
  await expect(reader.locator("ul > li")).toHaveCount(2);
  await expect(reader.locator("ul > li em")).toHaveText("nadruk");
  await expect(reader.locator("ul > li > ol > li")).toHaveText("Genest punt met een bron");
  await expect(reader.locator('ul ol a[href="https://example.org/bron"]')).toHaveText("bron");
  // The claim's highlight sits on the nested item's words, across the link.
  const marks = reader.locator(`mark[data-claim-ids~="${claim.id}"]`);
  await expect(marks.first()).toBeVisible();
  expect((await marks.allTextContents()).join("")).toBe("Genest punt met een bron");
  // Styled as a list and a quote, not flattened by the CSS reset.
  expect(await reader.locator("ul").first().evaluate((element) => getComputedStyle(element).listStyleType)).toBe("disc");
  expect(await reader.locator("ol").first().evaluate((element) => getComputedStyle(element).listStyleType)).toBe("decimal");
  expect(await reader.locator("blockquote").evaluate((element) => getComputedStyle(element).borderLeftWidth)).toBe("4px");

  await page.goto(`${team.documentUrl}/edit`);
  const editor = page.getByTestId("article-editor");
  await expect(editor.locator("ul > li > ol > li")).toHaveText("Genest punt met een bron");
  await editor.locator("ul > li em").click();
  await expect(page.getByRole("button", { name: "Italic" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: "Bulleted list" })).toHaveAttribute("aria-pressed", "true");

  await unsafeCreatePublishedVerdict(claim.id, { rating: "mostly_false", summary: "De bron zegt iets anders." });
  const published = await page.request.post(`/api/documents/${team.documentId}/publication`);
  expect(published.status()).toBe(201);
  const publicPath = new URL(((await published.json()) as { url: string }).url).pathname;
  const visitor = await page.context().browser()!.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(publicPath);
  const article = publicPage.locator("main article .article-body");
  await expect(article.locator("blockquote > p")).toHaveText("Rust is wat het Kremlin bovenal wil.");
  await expect(article.locator("blockquote strong")).toHaveText("bovenal");
  await expect(article.locator("ul > li em")).toHaveText("nadruk");
  const nested = article.locator("ul > li > ol > li");
  await expect(nested.locator("mark").first()).toBeVisible();
  await expect(nested.locator('mark a[href="https://example.org/bron"]')).toHaveText("bron");
  // The claim's marker follows its words, inside the item; it links to the verdict below.
  await expect(nested.locator(`a[href="#claim-${claim.id}"]`)).toHaveCount(1);
  await expect(nested).toContainText("Genest punt met een bron");
  await visitor.close();
});

import type { Page } from "@playwright/test";

import { articleReader, highlightedText, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

// Issue 18 end to end, through the interface only: a Markdown file becomes a document, claims are highlighted on
// it, the article is edited so that one claim moves, one changes and one loses its text, the orphan is re-attached
// to new text, and the two versions are compared.

const markdown = `# Windparken op zee

Het kabinet wil in 2030 ruim twintig gigawatt windvermogen op zee hebben.

## Wie betaalt

De bouw kost volgens het ministerie ruim twintig miljard euro.

- Netbeheerder TenneT legt de kabels aan.
- Vissers vrezen voor hun visgronden.

Een tweede alinea blijft gewoon staan.

De oppositie noemt het plan te duur.
`;

/** Selects `text` in the article and makes it a claim, as a person does; returns the new claim's id. */
async function highlight(page: Page, text: string): Promise<string> {
  await selectWithMouse(page, text);
  await page.getByRole("button", { name: "Highlight claim" }).click();
  const panel = page.locator("[data-open-claim-id]");
  await expect(panel).toBeVisible();
  const claimId = (await panel.getAttribute("data-open-claim-id"))!;
  await page.getByRole("button", { name: "Back to all claims" }).click();
  return claimId;
}

/** Selects one word in the editor by double-clicking it. */
async function doubleClickWord(page: Page, word: string, occurrence: number): Promise<void> {
  const box = await page.getByTestId("article-editor").evaluate(
    (root, { word, occurrence }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let index = (node as Text).data.indexOf(word);
        while (index >= 0 && seen < occurrence) {
          seen += 1;
          index = (node as Text).data.indexOf(word, index + 1);
        }
        if (index < 0) continue;
        const range = document.createRange();
        range.setStart(node, index + 1);
        range.setEnd(node, index + 2);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      throw new Error(`"${word}" is not in the editor`);
    },
    { word, occurrence },
  );
  await page.mouse.dblclick(box.x, box.y);
}

test("import a Markdown file, highlight, edit so claims move, change and lose their text, re-attach the orphan, compare", async ({ page, context, team }) => {
  test.setTimeout(120_000);
  await signInThroughApi(context, team.alice);

  // 1. Import: the Markdown file through the upload.
  await page.goto(`/teams/${team.teamId}/documents/new`);
  await page.locator("label", { hasText: "Upload a file" }).click();
  await expect(page.getByRole("radio", { name: "Upload a file" })).toBeChecked();
  await page.getByLabel("Article file").setInputFiles({ name: "windparken.md", mimeType: "text/markdown", buffer: Buffer.from(markdown) });
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/u);
  const documentUrl = new URL(page.url()).pathname;
  const reader = articleReader(page);
  await expect(reader).toBeVisible();
  await expect(reader.getByRole("listitem")).toHaveText(["Netbeheerder TenneT legt de kabels aan.", "Vissers vrezen voor hun visgronden."]);

  // 2. Three claims.
  const moves = await highlight(page, "Netbeheerder TenneT legt de kabels aan.");
  const changes = await highlight(page, "ruim twintig miljard euro");
  const orphan = await highlight(page, "De oppositie noemt het plan te duur.");

  // 3. Edit in the editor: a word before the list changes, the last paragraph goes.
  await page.getByRole("link", { name: "Edit article" }).click();
  const editor = page.getByTestId("article-editor");
  await expect(editor).toBeVisible();
  await doubleClickWord(page, "twintig", 1);
  await page.keyboard.type("vijfentwintig");
  await expect(editor).toContainText("ruim vijfentwintig miljard euro");
  await editor.getByText("De oppositie noemt het plan te duur.").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await expect(editor).not.toContainText("De oppositie");
  await page.getByLabel("Note about this change").fill("Bedrag gecorrigeerd, slotzin geschrapt");
  await page.getByRole("button", { name: "Save as new version" }).click();
  const outcome = page.getByTestId("save-outcome");
  await expect(outcome).toContainText("Saved as version 2");
  await expect(outcome).toContainText("1 claim moved with the text, 1 changed, 1 need");

  // 4. Back on the document: the moved claim sits on its words, the changed one on its new words, the orphan is
  // not drawn and waits in "Needs attention" with its old words.
  await page.goto(documentUrl);
  await expect(reader).toBeVisible();
  expect(await highlightedText(page, moves)).toBe("Netbeheerder TenneT legt de kabels aan.");
  expect(await highlightedText(page, changes)).toBe("ruim vijfentwintig miljard euro");
  await expect(reader.locator(`mark[data-claim-ids~="${orphan}"]`)).toHaveCount(0);
  const attention = page.getByRole("region", { name: /^Needs attention/u });
  await expect(attention).toContainText("Needs attention (2)");
  await expect(attention).toContainText("De oppositie noemt het plan te duur.");
  await expect(attention).toContainText("ruim twintig miljard euro");

  // 5. Re-attach the orphan to other words.
  const entry = attention.locator(`[data-attention-claim-id="${orphan}"]`);
  await entry.getByRole("button", { name: "Re-attach" }).click();
  await selectWithMouse(page, "Een tweede alinea blijft gewoon staan.");
  await entry.getByRole("button", { name: "Re-attach here" }).click();
  await expect(reader.locator(`mark[data-claim-ids~="${orphan}"]`).first()).toBeVisible();
  expect(await highlightedText(page, orphan)).toBe("Een tweede alinea blijft gewoon staan.");
  await expect(attention).toContainText("Needs attention (1)");

  // 6. The diff of the two versions: the word that changed and the paragraph that went, marked as such.
  await page.getByRole("link", { name: "Versions" }).click();
  await expect(page).toHaveURL(`${documentUrl}/versions`);
  await page.goto(`${documentUrl}/compare?from=1&to=2`);
  await expect(page.locator("ins").filter({ hasText: "vijfentwintig" }).first()).toBeVisible();
  await expect(page.locator("del").filter({ hasText: "oppositie" }).first()).toBeVisible();
});

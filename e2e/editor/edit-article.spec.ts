import type { Page } from "@playwright/test";

import { articleReader, openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";
import { unsafeCreateUser } from "../../lib/testing/factories";
import { replaceText, saveVersionThroughApi } from "./save-version-through-api";

// Owners and moderators edit the article in the editor (components/editor/article-editor.tsx): every save is a
// new version, and the claims move with the text.

/** The editable article, once tiptap has mounted it. */
function articleEditor(page: Page) {
  return page.getByTestId("article-editor");
}

/** Opens the editor from the document, as a person does: the header's "Edit article". */
async function openEditorFromDocument(page: Page, documentUrl: string): Promise<void> {
  await openDocument(page, documentUrl);
  await page.getByRole("link", { name: "Edit article" }).click();
  await expect(page).toHaveURL(`${documentUrl}/edit`);
  await expect(articleEditor(page)).toBeVisible();
}

/** Selects `word` (its first occurrence) by double-clicking it, as a person does. */
async function selectWord(page: Page, word: string): Promise<void> {
  const box = await articleEditor(page).evaluate((root, word) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node as Text).data.indexOf(word);
      if (index < 0) continue;
      node.parentElement?.scrollIntoView({ block: "center" });
      const range = document.createRange();
      range.setStart(node, index + 1);
      range.setEnd(node, index + 2);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    throw new Error(`"${word}" is not in the editor`);
  }, word);
  await page.mouse.dblclick(box.x, box.y);
}

test("an owner changes a word and adds a list from the keyboard, saves a version, and the document shows it", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  const claim = await createClaimThroughApi(page.request, team, "Weinig opties");
  await openEditorFromDocument(page, team.documentUrl);

  // A word inside the second paragraph: "weliswaar fragiele, balans" becomes "weliswaar wankele, balans".
  await selectWord(page, "fragiele");
  await page.keyboard.type("wankele");
  await expect(articleEditor(page)).toContainText("weliswaar wankele, balans");
  await expect(page.getByText("Unsaved changes")).toBeVisible();

  // A new paragraph at the end, made a bulleted list from the toolbar with the keyboard only.
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Eerste punt");
  await page.keyboard.press("Shift+Tab");
  const toolbar = page.getByRole("toolbar", { name: "Formatting" });
  await expect(toolbar.getByRole("button", { name: "Subheading", exact: true })).toBeFocused();
  const bulletList = toolbar.getByRole("button", { name: "Bulleted list" });
  await expect(bulletList).toHaveAttribute("aria-keyshortcuts", "Control+Shift+8");
  await expect(bulletList).toHaveAttribute("aria-pressed", "false");
  for (let step = 0; step < 6; step += 1) await page.keyboard.press("ArrowRight");
  await expect(bulletList).toBeFocused();
  await page.keyboard.press("Enter");
  // The list is made and the caret is back in the text: the next item is typed straight away.
  await expect(bulletList).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Tweede punt");
  await expect(articleEditor(page).locator("ul > li")).toHaveText(["Eerste punt", "Tweede punt"]);

  await page.getByLabel("Note about this change").fill("Woordkeuze en een lijstje");
  await page.getByRole("button", { name: "Save as new version" }).click();

  const outcome = page.getByTestId("save-outcome");
  await expect(outcome).toContainText("Saved as version 2: 1 claim moved with the text, 0 changed, 0 need re-attaching.");
  await expect(outcome).toBeFocused();
  await expect(outcome.getByRole("link", { name: "Version history" })).toHaveAttribute("href", `${team.documentUrl}/versions`);
  await expect(outcome.getByRole("link", { name: "Compare with version 1" })).toHaveAttribute("href", `${team.documentUrl}/compare?from=1&to=2`);
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);

  await outcome.getByRole("link", { name: "Open the document" }).click();
  await expect(page).toHaveURL(team.documentUrl);
  await expect(articleReader(page)).toContainText("weliswaar wankele, balans");
  await expect(articleReader(page)).not.toContainText("fragiele");
  await expect(articleReader(page).locator("ul > li")).toHaveText(["Eerste punt", "Tweede punt"]);
  // The claim moved with the text: still highlighted on its words.
  await expect(articleReader(page).locator(`mark[data-claim-ids~="${claim.id}"]`).first()).toHaveText("Weinig opties");
});

test("Cancel asks before throwing changes away; saving over a newer version is refused, and the latest can be reloaded", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openEditorFromDocument(page, team.documentUrl);

  await selectWord(page, "fragiele");
  await page.keyboard.type("wankele");
  await page.getByTestId("cancel-edit").click();
  const dialog = page.getByRole("alertdialog", { name: "Discard your changes?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(articleEditor(page)).toContainText("weliswaar wankele, balans");

  // Meanwhile someone else saves version 2; this editor started from version 1.
  await saveVersionThroughApi(page.request, team.documentId, replaceText("Zaterdagnacht", "Zondagnacht"));
  await page.getByRole("button", { name: "Save as new version" }).click();
  const outcome = page.getByTestId("save-outcome");
  await expect(outcome.getByRole("alert")).toContainText("Someone saved a newer version of this article while you were editing");
  // Reloading (chosen, so the browser does not ask "Leave site?") shows version 2, without this editor's change.
  await outcome.getByRole("button", { name: "Reload the latest version" }).click();
  await expect(page.getByText("You are editing version 2.")).toBeVisible();
  await expect(articleEditor(page)).toContainText("Zondagnacht");
  await expect(articleEditor(page)).toContainText("weliswaar fragiele, balans");

  await selectWord(page, "fragiele");
  await page.keyboard.type("wankele");
  await page.getByTestId("cancel-edit").click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Discard changes" }).click();
  await expect(page).toHaveURL(team.documentUrl);
  await expect(articleReader(page)).toContainText("Zondagnacht");
  await expect(articleReader(page)).toContainText("weliswaar fragiele, balans");
});

test("a member sees no Edit article and is told the editor is not theirs; an outsider gets a 404", async ({ browser, page, context, team }) => {
  await signInThroughApi(context, team.bob);
  await openDocument(page, team.documentUrl);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand");
  await expect(page.getByRole("link", { name: "Edit article" })).toHaveCount(0);

  await page.goto(`${team.documentUrl}/edit`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You can't edit this article");
  await expect(page.getByText("Only the team's owners and moderators can edit an article.")).toBeVisible();
  await expect(articleEditor(page)).toHaveCount(0);
  // The API agrees: a member may not save a version.
  const refused = await page.request.post(`/api/documents/${team.documentId}/versions`, { data: { format: "text", content: "Een nieuwe tekst." } });
  expect(refused.status()).toBe(403);

  const outsider = await signedInContext(browser, await unsafeCreateUser("Olga Outsider"));
  const outsiderPage = await outsider.newPage();
  const response = await outsiderPage.goto(`${team.documentUrl}/edit`);
  expect(response?.status()).toBe(404);
  await expect(outsiderPage.getByRole("heading", { level: 1 })).toHaveText("Document not found");
  await outsider.close();
});

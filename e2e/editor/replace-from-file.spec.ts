import type { Page, Request } from "@playwright/test";

import { articleReader } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { createClaimThroughApi } from "../fixtures/moderation";
import { expect, test, type TeamFixture } from "../fixtures/team";
import { replaceText, saveVersionThroughApi } from "./save-version-through-api";

// Below the editor, owners and moderators replace the article's text by a file (components/editor/replace-from-file.tsx):
// the file becomes the next version, the claims move with the text, and the editor loads the new text.

/** The editable article, once tiptap has mounted it. */
function articleEditor(page: Page) {
  return page.getByTestId("article-editor");
}

async function openEditor(page: Page, team: TeamFixture): Promise<void> {
  await page.goto(`${team.documentUrl}/edit`);
  await expect(articleEditor(page)).toBeVisible();
}

/** Opens "Replace the text from a file" from the keyboard: its summary focused, then Enter. */
async function openReplacePanel(page: Page): Promise<void> {
  const summary = page.getByTestId("replace-from-file").locator("summary");
  await expect(summary).toHaveText("Replace the text from a file");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Replacement file")).toBeVisible();
}

/** Every POST of a new version this page sends. */
function watchVersionPosts(page: Page, team: TeamFixture): Request[] {
  const posts: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/api/documents/${team.documentId}/versions`)) posts.push(request);
  });
  return posts;
}

// The first paragraph of the seed article stays; the rest is replaced by a subheading and a new paragraph.
const keptParagraph =
  "Even leek Rusland er in geslaagd een wapenstilstand te bewerkstelligen in het conflict tussen Armenië en Azerbeidzjan om de betwiste regio Nagorno-Karabach.";
const replacementMarkdown = `${keptParagraph}\n\n## Wat er sindsdien gebeurde\n\nDe partijen praten weer, schrijft de redactie in een **geheel nieuwe** alinea.\n`;

test("an owner replaces the text by a Markdown file: the outcome counts the claims, and editor and document show the new text", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  const kept = await createClaimThroughApi(page.request, team, "Even leek Rusland");
  await createClaimThroughApi(page.request, team, "Turkije heeft dat evenwicht verstoord");
  await openEditor(page, team);
  const posts = watchVersionPosts(page, team);
  await openReplacePanel(page);
  await page.getByLabel("Replacement file").setInputFiles({ name: "nieuw.md", mimeType: "text/markdown", buffer: Buffer.from(replacementMarkdown) });
  await expect(page.getByText(/^Chosen: nieuw\.md \(1 kB\)$/u)).toBeVisible();

  // An unsaved edit in the editor would be lost: the replacement is refused until it is saved or undone.
  await articleEditor(page).click();
  await page.keyboard.press("Control+End");
  await page.keyboard.type("X");
  await expect(page.getByText("Unsaved changes")).toBeVisible();
  await page.getByRole("button", { name: "Replace text" }).click();
  await expect(page.getByTestId("replace-from-file").getByRole("alert")).toContainText("Save or discard your edits first");
  expect(posts).toHaveLength(0);
  await articleEditor(page).focus();
  await page.keyboard.press("Control+z");
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);
  await expect(page.getByText("Save or discard your edits first")).toHaveCount(0);

  await page.getByLabel("Note about the replacement").fill("Nieuwe tekst van de redactie");
  await page.getByRole("button", { name: "Replace text" }).click();

  const outcome = page.getByTestId("save-outcome");
  await expect(outcome).toContainText("Saved as version 2: 1 claim moved with the text, 0 changed, 1 needs re-attaching.");
  await expect(outcome).toBeFocused();
  expect(posts).toHaveLength(1);
  // Sent as multipart (that it carries the version the page was opened on, the 409 in the next test shows).
  expect(posts[0]?.headers()["content-type"]).toMatch(/^multipart\/form-data/u);

  // The editor now holds version 2, and is not dirty: nothing asks before leaving.
  await expect(articleEditor(page).locator("h2")).toHaveText("Wat er sindsdien gebeurde");
  await expect(articleEditor(page).locator("strong")).toHaveText("geheel nieuwe");
  await expect(articleEditor(page)).not.toContainText("Turkije");
  await expect(page.getByText("You are editing version 2.")).toBeVisible();
  await expect(page.getByText("Unsaved changes")).toHaveCount(0);
  await expect(page.getByLabel("Note about the replacement")).toHaveValue("");

  const versions = await page.request.get(`/api/documents/${team.documentId}/versions`);
  const { items } = (await versions.json()) as { items: { number: number; format: string; note: string | null }[] };
  expect(items[0]).toMatchObject({ number: 2, format: "markdown", note: "Nieuwe tekst van de redactie" });

  await outcome.getByRole("link", { name: "Open the document" }).click();
  await expect(page).toHaveURL(team.documentUrl);
  await expect(articleReader(page).locator("h2")).toHaveText("Wat er sindsdien gebeurde");
  await expect(articleReader(page)).toContainText("schrijft de redactie in een geheel nieuwe alinea.");
  await expect(articleReader(page)).not.toContainText("Turkije");
  await expect(articleReader(page).locator(`mark[data-claim-ids~="${kept.id}"]`).first()).toHaveText("Even leek Rusland");
});

test("a file over 5 MB or of another type is refused in the browser; the server's refusal and a newer version are said", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openEditor(page, team);
  const posts = watchVersionPosts(page, team);
  await openReplacePanel(page);
  const fileInput = page.getByLabel("Replacement file");

  await fileInput.setInputFiles({ name: "groot.md", mimeType: "text/markdown", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, "a") });
  await expect(page.getByText("“groot.md” is 5.1 MB; a file can be at most 5 MB.")).toBeVisible();
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Replace text" }).click();
  await expect(fileInput).toBeFocused();

  await fileInput.setInputFiles({ name: "verslag.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
  await expect(page.getByText("“verslag.pdf” is not a file Margin can import. Choose a .txt, .md, .html or .docx file.")).toBeVisible();
  await page.getByRole("button", { name: "Replace text" }).click();
  expect(posts).toHaveLength(0);

  // A .docx that is not one: the server's 415 message, beside the file input.
  const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  await fileInput.setInputFiles({ name: "verslag.docx", mimeType: docxType, buffer: Buffer.from("Dit is platte tekst, geen Word-bestand.") });
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/versions"));
  await page.getByRole("button", { name: "Replace text" }).click();
  const response = await answered;
  expect(response.status()).toBe(415);
  const { error } = (await response.json()) as { error: { message: string } };
  await expect(page.getByTestId("replace-file-error")).toHaveText(error.message);
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  await expect(fileInput).toBeFocused();
  await expect(page.getByTestId("save-outcome")).toHaveCount(0);

  // Someone saves version 2 meanwhile; this page was opened on version 1: refused as the editor's own save is.
  await saveVersionThroughApi(page.request, team.documentId, replaceText("Zaterdagnacht", "Zondagnacht"));
  await fileInput.setInputFiles({ name: "nieuw.md", mimeType: "text/markdown", buffer: Buffer.from(replacementMarkdown) });
  await page.getByRole("button", { name: "Replace text" }).click();
  await expect(page.getByTestId("save-outcome").getByRole("alert")).toContainText("Someone saved a newer version of this article while you were editing");
  await expect(articleEditor(page)).toContainText("Zaterdagnacht");
});

import { readFileSync } from "node:fs";

import type { Locator, Page, Request } from "@playwright/test";

import { articleReader } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { addModerator } from "../fixtures/moderation";
import { expect, test, type TeamFixture } from "../fixtures/team";

const markdownFixture = new URL("../fixtures/files/windparken.md", import.meta.url);
const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function openAddDocument(page: Page, team: TeamFixture): Promise<void> {
  await page.goto(`/teams/${team.teamId}/documents/new`);
  await expect(page.getByRole("heading", { name: "Add a document" })).toBeVisible();
  // The paste area is tiptap's: it appears once the page is hydrated, and with it every handler.
  await expect(page.getByTestId("paste-area")).toBeVisible();
}

/** Presses Tab until `target` has focus (at most `limit` times), as a keyboard user moves through a form. */
async function tabTo(page: Page, target: Locator, limit = 12): Promise<void> {
  for (let step = 0; step < limit; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Every request that adds a document, from now on. */
function watchDocumentPosts(page: Page, team: TeamFixture): Request[] {
  const posts: Request[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith(`/api/teams/${team.teamId}/documents`)) posts.push(request);
  });
  return posts;
}

test("a moderator uploads a Markdown file from the keyboard and the document keeps its heading, list and link", async ({ page, context, team }) => {
  await signInThroughApi(context, await addModerator(team));
  await openAddDocument(page, team);

  // Keyboard only: the source switch's radio buttons, the file input (Space opens the picker), Enter submits.
  await page.getByRole("radio", { name: "Paste the text" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "Upload a file" })).toBeChecked();
  const fileInput = page.getByLabel("Article file");
  await tabTo(page, fileInput);
  const chooser = page.waitForEvent("filechooser");
  await page.keyboard.press("Space");
  await (await chooser).setFiles({ name: "windparken.md", mimeType: "text/markdown", buffer: readFileSync(markdownFixture) });
  await expect(page.getByTestId("chosen-file")).toHaveText(/windparken\.md/u);

  const submit = page.getByRole("button", { name: "Add document" });
  await tabTo(page, submit);
  const posted = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/documents"));
  await page.keyboard.press("Enter");
  expect((await posted).headers()["content-type"]).toMatch(/^multipart\/form-data/u);

  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/u);
  const article = articleReader(page);
  await expect(article).toBeVisible();
  await expect(article.getByRole("heading", { level: 2, name: "Wat de cijfers zeggen" })).toBeVisible();
  await expect(article.getByRole("list").getByRole("listitem")).toHaveText([
    "Borssele leverde 3,2 terawattuur.",
    "Hollandse Kust Zuid leverde 5,1 terawattuur.",
    "Gemini bleef achter door onderhoud.",
  ]);
  await expect(article.getByRole("link", { name: "de site van het CBS" })).toHaveAttribute("href", "https://www.cbs.nl/nl-nl/nieuws/2024/windenergie");
  await expect(article.locator("strong")).toHaveText("twaalf procent");
});

test("rich text pasted from a web page keeps its structure; what is not article (a script, an image) never shows", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openAddDocument(page, team);
  const area = page.getByLabel("Article text");
  await area.click();
  // As a browser puts a copied page on the clipboard: HTML with its markup, and plain text besides.
  const html = [
    '<meta charset="utf-8"><h1>Rusland verliest invloed</h1>',
    "<p>De eerste alinea, met <b>vet</b> en <em>nadruk</em>.</p>",
    "<h2>Wat Ankara wil</h2>",
    "<ul><li>Meer gas uit Azerbeidzjan</li><li>Een rol als bemiddelaar</li></ul>",
    "<blockquote><p>Dit is geen gewone grensoorlog.</p></blockquote>",
    '<p>Lees <a href="https://example.org/analyse" onclick="window.__pasteRan = true">de analyse</a>.</p>',
    '<script>window.__pasteRan = true</script><img src="https://tracker.example/pixel.png" onerror="window.__pasteRan = true">',
  ].join("");
  await area.evaluate((element, clipboardHtml) => {
    const data = new DataTransfer();
    data.setData("text/html", clipboardHtml);
    data.setData("text/plain", "Rusland verliest invloed\nDe eerste alinea.");
    element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);

  // The paste area shows the structure already (its h1 fitted to the article's h2).
  await expect(area.locator("h2")).toHaveText(["Rusland verliest invloed", "Wat Ankara wil"]);
  await expect(area.locator("li")).toHaveText(["Meer gas uit Azerbeidzjan", "Een rol als bemiddelaar"]);
  await expect(area.locator("img, script")).toHaveCount(0);

  await page.getByLabel("Title").fill("Rusland verliest invloed in de Kaukasus");
  const posted = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/documents"));
  await page.getByRole("button", { name: "Add document" }).click();
  expect((await posted).postDataJSON()).toMatchObject({ format: "html", title: "Rusland verliest invloed in de Kaukasus" });

  await expect(page.getByRole("heading", { level: 1, name: "Rusland verliest invloed in de Kaukasus" })).toBeVisible();
  const article = articleReader(page);
  await expect(article.getByRole("heading", { level: 2, name: "Wat Ankara wil" })).toBeVisible();
  await expect(article.getByRole("listitem")).toHaveText(["Meer gas uit Azerbeidzjan", "Een rol als bemiddelaar"]);
  await expect(article.locator("blockquote")).toHaveText("Dit is geen gewone grensoorlog.");
  await expect(article.locator("strong")).toHaveText("vet");
  await expect(article.locator("em")).toHaveText("nadruk");
  const link = article.getByRole("link", { name: "de analyse" });
  await expect(link).toHaveAttribute("href", "https://example.org/analyse");
  await expect(link).not.toHaveAttribute("onclick");
  await expect(page.locator("main img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __pasteRan?: boolean }).__pasteRan)).toBeUndefined();
});

test("plain text typed into the paste area is sent as text, its paragraphs kept", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openAddDocument(page, team);
  const area = page.getByLabel("Article text");
  await area.fill("De eerste alinea van het bericht.\n\nDe tweede alinea, na een lege regel.");
  await expect(area.locator("p")).toHaveText(["De eerste alinea van het bericht.", "De tweede alinea, na een lege regel."]);
  await page.getByLabel("Title").fill("Een kort bericht");
  const posted = page.waitForRequest((request) => request.method() === "POST" && request.url().endsWith("/documents"));
  await page.getByRole("button", { name: "Add document" }).click();
  expect((await posted).postDataJSON()).toMatchObject({
    format: "text",
    content: "De eerste alinea van het bericht.\n\nDe tweede alinea, na een lege regel.",
  });
  await expect(articleReader(page).locator("p")).toHaveText(["De eerste alinea van het bericht.", "De tweede alinea, na een lege regel."]);
});

test("a file over 5 MB, or of another type, is refused in the browser with a message, and nothing is sent", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openAddDocument(page, team);
  const posts = watchDocumentPosts(page, team);
  await page.getByText("Upload a file").click();
  const fileInput = page.getByLabel("Article file");

  await fileInput.setInputFiles({ name: "groot.md", mimeType: "text/markdown", buffer: Buffer.alloc(5 * 1024 * 1024 + 1, "a") });
  await expect(page.getByText("“groot.md” is 5.1 MB; a file can be at most 5 MB.")).toBeVisible();
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(fileInput).toBeFocused();

  await fileInput.setInputFiles({ name: "verslag.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7") });
  await expect(page.getByText("“verslag.pdf” is not a file Margin can import. Choose a .txt, .md, .html or .docx file.")).toBeVisible();
  await page.getByRole("button", { name: "Add document" }).click();
  expect(posts).toHaveLength(0);
});

test("a .docx that is not a zip is sent and the server's 415 message is shown", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openAddDocument(page, team);
  await page.getByText("Upload a file").click();
  await page.getByLabel("Article file").setInputFiles({ name: "verslag.docx", mimeType: docxType, buffer: Buffer.from("Dit is platte tekst, geen Word-bestand.") });
  const answered = page.waitForResponse((response) => response.request().method() === "POST" && response.url().endsWith("/documents"));
  await page.getByRole("button", { name: "Add document" }).click();
  const response = await answered;
  expect(response.status()).toBe(415);
  const { error } = (await response.json()) as { error: { message: string } };
  expect(error.message.length).toBeGreaterThan(10);
  // Beside the file it is about, and focus moved there, so a screen reader reads it.
  const fileInput = page.getByLabel("Article file");
  await expect(page.locator("main form")).toContainText(error.message);
  await expect(fileInput).toHaveAttribute("aria-invalid", "true");
  await expect(fileInput).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`/teams/${team.teamId}/documents/new$`, "u"));
  await expect(page.getByRole("button", { name: "Add document" })).toBeEnabled();
});

test("a member, who cannot add documents, is told so instead of getting the form", async ({ page, context, team }) => {
  await signInThroughApi(context, team.bob);
  await page.goto(`/teams/${team.teamId}/documents/new`);
  await expect(page.getByText("Only owners and moderators add documents to this team.")).toBeVisible();
  await expect(page.getByLabel("Article file")).toHaveCount(0);
});

import { articleReader, openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

test("the owner edits the details from the keyboard: a field's error beside it, then title, byline, source and date on the page", async ({
  browser,
  page,
  context,
  team,
}) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);
  const editButton = page.getByRole("button", { name: "Edit details" });

  // Escape closes the dialog and gives focus back to its button.
  await editButton.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Document details" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(editButton).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  const title = dialog.getByLabel("Title");
  await expect(title).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Turkije en Rusland in de Kaukasus");
  await page.keyboard.press("Tab");
  await expect(dialog.getByLabel("Byline")).toBeFocused();
  await page.keyboard.type("Anna de Vries");
  await page.keyboard.press("Tab");
  await page.keyboard.type("geen adres");
  await page.keyboard.press("Tab");
  await page.keyboard.type("2020-10-14");
  await page.keyboard.press("Enter");

  // The server refuses the address: its message beside the field, focus on it, nothing saved.
  const sourceUrl = dialog.getByLabel("Source URL");
  await expect(sourceUrl).toHaveAttribute("aria-invalid", "true");
  await expect(sourceUrl).toBeFocused();
  const describedBy = (await sourceUrl.getAttribute("aria-describedby")) ?? "";
  await expect(dialog.locator(`[id="${describedBy.split(" ").at(-1)}"]`)).toHaveText(/\S/u);
  await expect(dialog).toBeVisible();

  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("https://www.nos.nl/artikel/2350123-turkije-en-rusland");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(editButton).toBeFocused();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Turkije en Rusland in de Kaukasus");
  const credits = page.getByTestId("document-credits");
  await expect(credits).toContainText("By Anna de Vries");
  const source = credits.getByRole("link", { name: "nos.nl (opens in a new tab)" });
  await expect(source).toHaveAttribute("href", "https://www.nos.nl/artikel/2350123-turkije-en-rusland");
  await expect(source).toHaveAttribute("target", "_blank");
  await expect(source).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(page.locator("header time")).toHaveText("Published October 14, 2020");
  await expect(page.getByRole("status").filter({ hasText: "Details saved." })).toBeAttached();
  // Refreshed in place: the reader was not replaced by a new page.
  await expect(articleReader(page)).toBeVisible();

  // Saved on the server: a member reads the same, without the button.
  const memberContext = await signedInContext(browser, team.bob);
  const member = await memberContext.newPage();
  await openDocument(member, team.documentUrl);
  await expect(member.getByRole("heading", { level: 1 })).toHaveText("Turkije en Rusland in de Kaukasus");
  await expect(member.getByTestId("document-credits")).toContainText("By Anna de Vries");
  await expect(member.getByRole("button", { name: "Edit details" })).toHaveCount(0);
  expect((await memberContext.request.patch(`/api/documents/${team.documentId}`, { data: { title: "Van Bob" } })).ok()).toBe(false);
  await memberContext.close();

  // An emptied field clears its detail; the title cannot be emptied.
  await editButton.click();
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Byline").fill("");
  await dialog.getByLabel("Title").fill("   ");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("Give the document a title.")).toBeVisible();
  await dialog.getByLabel("Title").fill("Turkije en Rusland");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Turkije en Rusland");
  await expect(page.getByTestId("document-credits")).not.toContainText("Anna de Vries");
  await expect(page.getByTestId("document-credits").getByRole("link")).toBeVisible();
});

test.describe("in Dutch", () => {
  test.use({ locale: "nl-NL" });

  test("the byline and source read in Dutch", async ({ page, context, team }) => {
    await signInThroughApi(context, team.alice);
    const saved = await page.request.patch(`/api/documents/${team.documentId}`, { data: { byline: "Anna de Vries", sourceUrl: "https://nos.nl/artikel/1" } });
    expect(saved.ok()).toBe(true);
    await openDocument(page, team.documentUrl);
    await expect(page.getByTestId("document-credits")).toContainText("Door Anna de Vries");
    await expect(page.getByRole("link", { name: "nos.nl (opent in een nieuw tabblad)" })).toBeVisible();
    await page.getByRole("button", { name: "Gegevens bewerken" }).click();
    await expect(page.getByRole("dialog", { name: "Gegevens van het document" }).getByLabel("Auteur")).toHaveValue("Anna de Vries");
  });
});

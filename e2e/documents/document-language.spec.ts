import { articleReader, openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { addModerator, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

test("a moderator changes the language of the text and the article's lang follows; a member reads it, without a control", async ({
  browser,
  team,
}) => {
  const carol = await addModerator(team);
  const moderatorContext = await signedInContext(browser, carol);
  const moderator = await moderatorContext.newPage();
  await openDocument(moderator, team.documentUrl);

  // The seed article is Dutch.
  const article = moderator.getByRole("article");
  await expect(article).toHaveAttribute("lang", "nl");
  const select = moderator.getByRole("combobox", { name: "Language of the text" });
  await expect(select).toHaveValue("nl");
  await expect(select.locator("option:checked")).toHaveText("Dutch");

  await select.selectOption({ label: "English" });
  await expect(article).toHaveAttribute("lang", "en");
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");
  await expect(moderator.getByRole("status").filter({ hasText: "Language of the text set to English." })).toBeAttached();
  // Refreshed in place: the reader was not replaced by a new page.
  await expect(articleReader(moderator)).toBeVisible();

  await moderator.reload();
  await expect(moderator.getByRole("article")).toHaveAttribute("lang", "en");
  await expect(moderator.getByRole("combobox", { name: "Language of the text" })).toHaveValue("en");

  // Bob, a member, reads the language and has no control to change it; the API refuses him too.
  const memberContext = await signedInContext(browser, team.bob);
  const member = await memberContext.newPage();
  await openDocument(member, team.documentUrl);
  await expect(member.getByRole("article")).toHaveAttribute("lang", "en");
  await expect(member.getByText("Language of the text: English")).toBeVisible();
  await expect(member.getByRole("combobox", { name: "Language of the text" })).toHaveCount(0);
  const refused = await memberContext.request.patch(`/api/documents/${team.documentId}`, { data: { lang: "nl" } });
  expect(refused.ok()).toBe(false);

  await moderatorContext.close();
  await memberContext.close();
});

test.describe("in Dutch", () => {
  test.use({ locale: "nl-NL" });

  test("the language of the text is named in the interface's language; an unknown one sets no lang", async ({ browser, page, context, team }) => {
    await signInThroughApi(context, team.bob);
    await openDocument(page, team.documentUrl);
    await expect(page.getByText("Taal van de tekst: Nederlands")).toBeVisible();

    // "und": detection could not tell. The article then claims no language at all.
    const ownerContext = await signedInContext(browser, team.alice);
    expect((await ownerContext.request.patch(`/api/documents/${team.documentId}`, { data: { lang: "und" } })).ok()).toBe(true);
    await ownerContext.close();
    await page.reload();
    await expect(articleReader(page)).toBeVisible();
    await expect(page.getByText("Taal van de tekst: onbekend")).toBeVisible();
    await expect(page.getByRole("article")).not.toHaveAttribute("lang");
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveAttribute("lang");
  });
});

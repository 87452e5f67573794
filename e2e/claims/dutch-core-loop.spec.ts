import { articleReader, highlightedText, openDocument, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

// Accept-Language nl-NL: the interface speaks Dutch (lib/i18n/negotiate.ts). Every name this test finds an
// element by is Dutch; the tags' names are the team's data, not words of the interface.
test.use({ locale: "nl-NL" });

const quote = "„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”";
const comment = "Is dit een ultimatum of een aanbod?";

test("in Dutch: select a passage, highlight it, tag it, comment and read it in the thread", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);
  // The interface is Dutch, and so is the seed article, which says so itself.
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const article = page.getByRole("article");
  await expect(article).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "nl");
  await expect(page.locator("main header time")).toHaveText("Gepubliceerd oktober 2020");
  await expect(articleReader(page)).toHaveAccessibleName("Tekst van het artikel");
  await expect(page.getByRole("combobox", { name: "Taal van de tekst" })).toHaveValue("nl");

  // Select the Turkish government's quote with the mouse and highlight it.
  await selectWithMouse(page, quote);
  await expect(page.getByText("Geselecteerd:")).toBeVisible();
  await page.getByRole("button", { name: "Claim markeren" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Claim gemarkeerd." })).toBeAttached();

  const panel = page.getByRole("region", { name: "Claim van Alice Test" });
  await expect(panel).toBeVisible();
  const claimId = await panel.getAttribute("data-open-claim-id");
  expect(claimId).toBeTruthy();
  expect(await highlightedText(page, claimId!)).toBe(quote);
  await expect(panel.getByRole("blockquote")).toContainText("een laatste kans");

  // Tag it.
  const tags = panel.getByRole("group", { name: "Tags van deze claim" });
  await tags.getByRole("button", { name: "military", exact: true }).click();
  await expect(tags.getByRole("button", { name: "military", exact: true })).toHaveAttribute("aria-pressed", "true");

  // Comment, and see it in the thread.
  const thread = panel.getByRole("region", { name: "Discussie" });
  await expect(thread.getByText("Nog geen reacties.")).toBeVisible();
  await thread.getByRole("textbox", { name: "Reactie", exact: true }).fill(comment);
  await thread.getByRole("button", { name: "Plaatsen" }).click();
  await expect(thread.getByRole("listitem", { name: "Reactie van Alice Test" })).toContainText(comment);

  // Back to the list: the claim, with its tag and its comment counted in Dutch.
  await panel.getByRole("button", { name: "Terug naar alle claims" }).click();
  await expect(page.getByRole("heading", { name: "Claims" })).toContainText("(1)");
  const entry = page.getByRole("list", { name: "Claims in de volgorde van de tekst" }).getByRole("button");
  await expect(entry).toContainText("military");
  await expect(entry).toContainText("1 reactie");

  // A reload shows it all again, in Dutch.
  await page.reload();
  await expect(articleReader(page)).toBeVisible();
  expect(await highlightedText(page, claimId!)).toBe(quote);
  await page.getByRole("list", { name: "Claims in de volgorde van de tekst" }).getByRole("button").click();
  await expect(page.getByRole("region", { name: "Discussie" }).getByRole("listitem", { name: "Reactie van Alice Test" })).toContainText(comment);
});

import { articleReader, highlightedText, openDocument, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

test("a claim spanning a subheading and two paragraphs re-anchors on the same text after a reload", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);
  const passage = "Dit wordt door Ankara en Bakoe ontkend.\n\nWeinig opties\n\nHet Turkse optreden";
  await selectWithMouse(page, passage);
  await page.getByRole("button", { name: "Highlight claim" }).click();
  const mark = articleReader(page).locator("mark[data-claim-id]").first();
  await expect(mark).toBeVisible();
  const claimId = (await mark.getAttribute("data-claim-id"))!;
  expect(await highlightedText(page, claimId)).toBe(passage);
  // The highlight runs through three blocks: paragraph, subheading, paragraph.
  await expect(articleReader(page).locator(`h2 mark[data-claim-ids~="${claimId}"]`)).toHaveText("Weinig opties");

  await page.reload();
  await expect(articleReader(page)).toBeVisible();
  expect(await highlightedText(page, claimId)).toBe(passage);
});

test("overlapping claims stay distinguishable, and clicking each opens its own thread", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);
  await selectWithMouse(page, "De drones hebben de dynamiek van het conflict veranderd.");
  await page.getByRole("button", { name: "Highlight claim" }).click();
  await expect(page.getByRole("button", { name: "Back to all claims" })).toBeVisible();
  const outerId = await page.locator("[data-open-claim-id]").getAttribute("data-open-claim-id");
  await page.getByRole("button", { name: "military", exact: true }).click();
  await page.getByRole("button", { name: "Back to all claims" }).click();

  await selectWithMouse(page, "dynamiek van het conflict");
  await page.getByRole("button", { name: "Highlight claim" }).click();
  await expect(page.getByRole("button", { name: "Back to all claims" })).toBeVisible();
  const innerId = await page.locator("[data-open-claim-id]").getAttribute("data-open-claim-id");
  await page.getByRole("button", { name: "energy", exact: true }).click();
  expect(innerId).not.toBe(outerId);

  // Where both cover the text, one element names both claims, with one underline band each.
  const overlap = articleReader(page).locator(`mark[data-claim-ids="${innerId} ${outerId}"]`);
  await expect(overlap).toHaveText("dynamiek van het conflict");
  await expect(overlap).toHaveAttribute("style", /0px -3px 0px inset, .* 0px -6px 0px inset/);
  // Clicking the overlap opens the inner claim; clicking outside it, the outer one.
  await overlap.click();
  await expect(page.locator("[data-open-claim-id]")).toHaveAttribute("data-open-claim-id", innerId!);
  await articleReader(page).locator(`mark[data-claim-ids="${outerId}"]`).first().click();
  await expect(page.locator("[data-open-claim-id]")).toHaveAttribute("data-open-claim-id", outerId!);

  // The list, filtered by tag, shows only matching claims.
  await page.getByRole("button", { name: "Back to all claims" }).click();
  await page.getByLabel("Filter by tag").selectOption("energy");
  const list = page.getByRole("list", { name: "Claims in document order" });
  await expect(list.getByRole("button")).toHaveCount(1);
  await expect(list.getByRole("button")).toContainText("dynamiek van het conflict");
  await expect(page).toHaveURL(/tag=energy/);
});

test("selecting text outside the article does not make a claim", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);
  await page.getByRole("heading", { level: 1 }).selectText();
  await expect(page.getByText("Select text inside the article to highlight it.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Highlight claim" })).toBeDisabled();
});

import { articleReader, highlightedText, openDocument, selectWithTouch } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

// Runs in the "mobile" project (playwright.config.ts): 390 × 844, touch, a phone's user agent.
const quote = "Rusland heeft ook geen troepen op de grond";

test("on a phone: select with touch, highlight, tag and comment, in a bottom sheet", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);
  const viewport = page.viewportSize()!;

  // The header is one row and nothing scrolls sideways; the article uses the screen's width.
  const header = page.getByRole("banner");
  expect((await header.boundingBox())!.height).toBeLessThanOrEqual(57);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  for (const control of [header.getByRole("link", { name: "Sessions" }), header.getByRole("button", { name: "Sign out" })]) await expect(control).toBeInViewport({ ratio: 1 });
  const article = (await page.getByRole("article").boundingBox())!;
  expect(article.width).toBeGreaterThanOrEqual(viewport.width - 2 * 16 - 1);

  // Select with touch: the Highlight button shows in the thumb's reach, clear of the selection and of the
  // system's selection menu above it.
  await selectWithTouch(page, quote);
  const highlight = page.getByRole("button", { name: "Highlight claim" });
  await expect(highlight).toBeInViewport();
  const button = (await highlight.boundingBox())!;
  const selection = await page.evaluate(() => {
    const rect = document.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { top: rect.top, bottom: rect.bottom };
  });
  expect(button.y).toBeGreaterThan(viewport.height / 2);
  const menuTop = selection.top - 56;
  expect(button.y + button.height <= menuTop || button.y >= selection.bottom).toBe(true);

  await highlight.tap();
  const sheet = page.getByRole("region", { name: /Claim by Alice Test/ });
  await expect(sheet).toBeInViewport();
  const sheetBox = (await sheet.boundingBox())!;
  expect(sheetBox.y + sheetBox.height).toBeGreaterThanOrEqual(viewport.height - 24);
  const mark = articleReader(page).locator("mark[data-claim-id]").first();
  const claimId = (await mark.getAttribute("data-claim-id"))!;
  expect(await highlightedText(page, claimId)).toBe(quote);

  // Tag it and comment, by touch.
  await sheet.getByRole("button", { name: "military", exact: true }).tap();
  await expect(sheet.getByRole("button", { name: "military", exact: true })).toHaveAttribute("aria-pressed", "true");
  const comment = sheet.getByLabel("Comment", { exact: true });
  await comment.tap();
  await comment.fill("Klopt dit? Rusland heeft een basis in Armenië.");
  await sheet.getByRole("button", { name: "Post" }).tap();
  await expect(sheet.getByText("Klopt dit? Rusland heeft een basis in Armenië.")).toBeVisible();

  // Closing the sheet gives the article back.
  await sheet.getByRole("button", { name: "Back to all claims" }).tap();
  await expect(sheet).toBeHidden();
  await page.reload();
  await expect(articleReader(page).locator(`mark[data-claim-ids~="${claimId}"]`).first()).toBeAttached();
});

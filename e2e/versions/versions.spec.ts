import type { APIRequestContext, Browser, Page } from "@playwright/test";

import { openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test, type TeamFixture } from "../fixtures/team";
import { unsafeCreateUser } from "../../lib/testing/factories";

/** The passage the member's claim quotes; the owner's correction turns "twaalf" (twelve) into "tien" (ten). */
const quote = "amper twaalf uur na de aankondiging";
const correctedQuote = "amper tien uur na de aankondiging";

/**
 * Saves a new version of the article through the JSON API, as a script would: the seed article's format, with its
 * `date` prefix, each [from, to] replacing the first `from` in the text. Returns the new version's number.
 */
async function saveVersionThroughApi(request: APIRequestContext, team: TeamFixture, edits: [string, string][], note?: string): Promise<number> {
  const text = edits.reduce((current, [from, to]) => {
    expect(current, `"${from}" is in the article`).toContain(from);
    return current.replace(from, to);
  }, team.documentText);
  const response = await request.post(`/api/documents/${team.documentId}/versions`, { data: { format: "text", content: `date 2020-10 ${text}`, note } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { number: number }).number;
}

/** The owner, in a context of their own, saves the correction (and, with `more`, other edits); returns the number. */
async function ownerSavesCorrection(browser: Browser, team: TeamFixture, more: [string, string][] = []): Promise<number> {
  const owner = await signedInContext(browser, team.alice);
  try {
    return await saveVersionThroughApi(owner.request, team, [["amper twaalf uur", "amper tien uur"], ...more], "Correctie: het was tien uur");
  } finally {
    await owner.close();
  }
}

async function openVersionsPage(page: Page, team: TeamFixture): Promise<void> {
  await openDocument(page, team.documentUrl);
  await page.getByTestId("versions-link").click();
  await expect(page).toHaveURL(new RegExp(`${team.documentUrl}/versions$`, "u"));
  await expect(page.getByTestId("version-history")).toBeVisible();
}

test("a member reads the history and an older version with its claim highlighted as it was", async ({ browser, context, page, team }) => {
  await signInThroughApi(context, team.bob);
  const claim = await createClaimThroughApi(page.request, team, quote, ["military"]);
  const latest = await ownerSavesCorrection(browser, team);

  await openVersionsPage(page, team);
  const items = page.locator("li[data-version-number]");
  await expect(items).toHaveCount(2);
  // Newest first, with who saved it, the note, how it came in and what happened to the claims.
  await expect(items.first()).toHaveAttribute("data-version-number", String(latest));
  await expect(items.first()).toContainText("Alice Test");
  await expect(items.first()).toContainText("Correctie: het was tien uur");
  await expect(items.first()).toContainText("Plain text");
  await expect(items.first().getByTestId("version-reanchored")).toHaveText("0 moved with the text, 1 changed, 0 lost their text");

  await items.last().getByRole("link", { name: "Open version 1" }).click();
  await expect(page.getByTestId("version-banner")).toContainText(`You are reading version 1 of ${latest} (older).`);
  // The claim on the text it had then, drawn as a highlight, and listed under the article.
  const mark = page.getByTestId("version-article").locator(`mark[data-claim-id="${claim.id}"]`);
  await expect(mark).toHaveText(quote);
  await expect(page.getByTestId("version-claims").locator(`[data-claim-id="${claim.id}"]`)).toContainText(`“${quote}”`);

  // The next version, from the banner: the same claim where the correction put it.
  await page.getByTestId("version-banner").getByRole("link", { name: `Next: version ${latest}` }).click();
  await expect(page.getByTestId("version-banner")).toContainText("the latest");
  await expect(page.getByTestId("version-article").locator(`mark[data-claim-id="${claim.id}"]`)).toHaveText(correctedQuote);
});

test("a member compares two versions: the inserted and deleted words, inline and side by side, change by change", async ({ browser, context, page, team }) => {
  await signInThroughApi(context, team.bob);
  await ownerSavesCorrection(browser, team, [["Nagorno-Karabach is zo de derde", "Nagorno-Karabach is zo inmiddels de derde"]]);

  await openVersionsPage(page, team);
  await page.getByRole("link", { name: "Compare version 2 with version 1" }).click();
  await expect(page).toHaveURL(/\/compare\?from=1&to=2$/u);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Version 1 → version 2");
  await expect(page.getByTestId("diff-summary")).toHaveText("2 words added, 1 removed in 2 paragraphs");

  // Inline: <del> and <ins>, each with the words a screen reader says before it.
  const inline = page.getByTestId("diff-inline");
  const deleted = inline.locator("del", { hasText: "twaalf" });
  await expect(deleted).toHaveText("deleted: twaalf");
  await expect(deleted.locator(".sr-only")).toHaveText("deleted: ");
  await expect(inline.locator("ins", { hasText: "tien" })).toHaveText("inserted: tien");
  await expect(inline.locator("ins", { hasText: "inmiddels" })).toHaveText(/^inserted: \s*inmiddels\s*$/u);
  // Long unchanged stretches are folded; opening one shows its paragraphs.
  const folds = inline.getByTestId("diff-fold");
  const foldCount = await folds.count();
  expect(foldCount).toBeGreaterThan(0);
  await folds.first().click();
  await expect(folds).toHaveCount(foldCount - 1);

  // Keyboard: `]` moves from change to change, and says where it is.
  await page.getByRole("button", { name: "Next change" }).focus();
  await page.keyboard.press("]");
  await expect(page.locator('[data-change="0"]')).toBeFocused();
  await expect(page.getByTestId("change-position")).toHaveText("Change 1 of 2");
  await page.keyboard.press("]");
  await expect(page.locator('[data-change="1"]')).toBeFocused();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(page.locator('[data-change="0"]')).toBeFocused();

  // Side by side: the older words struck out on the left, the newer ones on the right, the view kept in the URL.
  await page.getByRole("button", { name: "Side by side" }).click();
  await expect(page.getByRole("button", { name: "Side by side" })).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(/view=side-by-side/u);
  const row = page.getByTestId("diff-side-by-side").locator("tr[data-diff=changed]", { hasText: "twaalf" });
  await expect(row.locator("td").first().locator("del")).toHaveText("deleted: twaalf");
  await expect(row.locator("td").first().locator("ins")).toHaveCount(0);
  await expect(row.locator("td").last().locator("ins")).toHaveText("inserted: tien");
  await expect(row.locator("td").last().locator("del")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("diff-side-by-side")).toBeVisible();
});

test("a member sees that the article changed since they last read it, and what changed", async ({ browser, context, page, team }) => {
  await signInThroughApi(context, team.bob);
  await openDocument(page, team.documentUrl);
  await expect(page.getByTestId("versions-link")).toBeVisible();
  await expect(page.getByTestId("changed-since-notice")).toHaveCount(0);
  // Bob leaves the document; had he kept it open, the new version would reach him live (and be read).
  await page.goto("/documents");

  await ownerSavesCorrection(browser, team);
  await openDocument(page, team.documentUrl);
  const notice = page.getByTestId("changed-since-notice");
  await expect(notice).toContainText("This article changed since you last read it (version 1 → 2).");
  await notice.getByRole("link", { name: "See what changed" }).click();
  await expect(page).toHaveURL(/\/compare\?from=1&to=2$/u);
  await expect(page.getByTestId("diff-inline").locator("ins", { hasText: "tien" })).toBeVisible();

  // Read now: the notice is gone.
  await openDocument(page, team.documentUrl);
  await expect(page.getByTestId("versions-link")).toBeVisible();
  await expect(page.getByTestId("changed-since-notice")).toHaveCount(0);
});

test("someone outside the team gets a 404 for the versions, a version and a comparison", async ({ browser, team }) => {
  const outsider = await signedInContext(browser, await unsafeCreateUser("Olga Outsider"));
  try {
    for (const path of ["/versions", "/versions/1", "/compare?from=1&to=1"]) {
      expect((await outsider.request.get(`${team.documentUrl}${path}`)).status(), path).toBe(404);
    }
  } finally {
    await outsider.close();
  }
});

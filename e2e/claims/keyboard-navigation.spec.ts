import type { Locator, Page } from "@playwright/test";

import { articleReader, highlightedText, openDocument, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { claimMarks, watchDocument } from "../fixtures/live";
import { commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

// The document from the keyboard alone, as a screen-reader user meets it (docs/accessibility.md): roving focus
// through the highlights, their descriptions, the thread panel taking and giving back focus, selection by sentence,
// and a polite live region for what others do.

/** Presses `key` until `target` has focus (at most `limit` times). */
async function pressUntilFocused(page: Page, key: string, target: Locator, limit = 20): Promise<void> {
  for (let presses = 0; presses < limit && !(await target.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

const firstSentence =
  "Even leek Rusland er in geslaagd een wapenstilstand te bewerkstelligen in het conflict tussen Armenië en Azerbeidzjan om de betwiste regio Nagorno-Karabach.";
const secondSentence = "Maar de ‘doorbraak’ van het Kremlin, dat bovenal rust wil in de van oudsher explosieve regio, was van korte duur.";

test("] and [ move focus through the highlights in document order; Enter opens the thread, Escape gives focus back", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  // Created out of document order: the keyboard follows the text, not the order of creation. Tags are listed
  // in the order the server gives them (by name).
  const third = await createClaimThroughApi(context.request, team, "Zaterdagnacht");
  const first = await createClaimThroughApi(context.request, team, "Rusland", ["military", "diplomatic"]);
  const second = await createClaimThroughApi(context.request, team, "wapenstilstand te bewerkstelligen", ["energy"]);
  await commentThroughApi(context.request, first.id, "Klopt dit?");
  await commentThroughApi(context.request, first.id, "Volgens Reuters wel.");
  await commentThroughApi(context.request, second.id, "Welk bestand?");
  await openDocument(page, team.documentUrl);

  const reader = articleReader(page);
  await pressUntilFocused(page, "Tab", reader);
  await expect(reader).toHaveAccessibleDescription(/\] goes to the next, \[ to the previous/u);
  // One highlight at a time is in the tab order.
  await expect(reader.locator("mark[tabindex]")).toHaveCount(1);

  const focusedMark = page.locator("mark:focus");
  await page.keyboard.press("]");
  await expect(claimMarks(page, first.id).first()).toBeFocused();
  await expect(focusedMark).toMatchAriaSnapshot("- mark: Rusland");
  await expect(focusedMark).toHaveAccessibleDescription("Claim: diplomatic, military; 2 comments");

  await page.keyboard.press("]");
  await expect(claimMarks(page, second.id).first()).toBeFocused();
  await expect(focusedMark).toMatchAriaSnapshot("- mark: wapenstilstand te bewerkstelligen");
  await expect(focusedMark).toHaveAccessibleDescription("Claim: energy; 1 comment");

  await page.keyboard.press("Alt+ArrowDown");
  await expect(claimMarks(page, third.id).first()).toBeFocused();
  await expect(focusedMark).toHaveAccessibleDescription("Claim without tags; no comments");
  // The last highlight: no wrapping around.
  await page.keyboard.press("]");
  await expect(claimMarks(page, third.id).first()).toBeFocused();

  await page.keyboard.press("[");
  await expect(claimMarks(page, second.id).first()).toBeFocused();
  await expect(reader.locator("mark[tabindex]")).toHaveCount(1);
  await expect(claimMarks(page, second.id).first()).toHaveAttribute("tabindex", "0");

  // Enter opens the claim's panel and moves focus into it.
  await page.keyboard.press("Enter");
  const panel = page.getByRole("region", { name: "Claim by Alice Test" });
  await expect(panel.getByRole("button", { name: "Back to all claims" })).toBeFocused();
  await expect(panel.getByRole("region", { name: "Discussion" }).getByText("Welk bestand?")).toBeVisible();

  // Escape closes it and gives focus back to the highlight; the keys go on from there.
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(page.getByRole("heading", { name: /^Claims/u })).toBeVisible();
  await expect(claimMarks(page, second.id).first()).toBeFocused();
  await page.keyboard.press("Alt+ArrowUp");
  await expect(claimMarks(page, first.id).first()).toBeFocused();

  // An arrow key hands the article its caret back, where the claim begins: Shift+arrows select from there.
  for (let index = 0; index < "Rusland".length; index += 1) await page.keyboard.press("Shift+ArrowRight");
  await expect(reader).toBeFocused();
  await expect(page.getByText("Selected:")).toContainText("“Rusland”");
});

test("Shift+Alt+→ selects a whole Dutch sentence, and the Highlight button makes exactly that a claim", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  const patched = await context.request.patch(`/api/documents/${team.documentId}`, { data: { lang: "nl" } });
  expect(patched.status()).toBe(200);
  await openDocument(page, team.documentUrl);
  await expect(page.getByRole("article")).toHaveAttribute("lang", "nl");

  const reader = articleReader(page);
  await pressUntilFocused(page, "Tab", reader);
  const selected = () => page.evaluate(() => String(document.getSelection()));

  // A keyboard selection that stops inside a word covers the whole word.
  for (let presses = 0; presses < 3; presses += 1) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByText("Selected:")).toContainText("“Even”");
  await page.keyboard.press("ArrowLeft");

  await page.keyboard.press("Shift+Alt+ArrowRight");
  await expect.poll(selected).toBe(firstSentence);
  await page.keyboard.press("Shift+Alt+ArrowRight");
  await expect.poll(selected).toBe(`${firstSentence} ${secondSentence}`);
  await page.keyboard.press("Shift+Alt+ArrowLeft");
  await expect.poll(selected).toBe(firstSentence);

  // Back to the composer's button, and press it: the button is disabled while it works, so focus moves on into
  // the new claim's panel.
  const highlight = page.getByRole("button", { name: "Highlight claim" });
  await pressUntilFocused(page, "Shift+Tab", highlight);
  await page.keyboard.press("Enter");
  const panel = page.locator("[data-open-claim-id]");
  await expect(panel.getByRole("button", { name: "Back to all claims" })).toBeFocused();
  const claimId = (await panel.getAttribute("data-open-claim-id"))!;
  expect(await highlightedText(page, claimId)).toBe(firstSentence);
  await expect(panel.getByRole("blockquote")).toHaveText(`“${firstSentence}”`);
});

test("another member's claim and comments are announced politely, a burst at a time", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const alice = await aliceContext.newPage();
  const bob = await bobContext.newPage();
  await watchDocument(alice, team.documentUrl);
  await watchDocument(bob, team.documentUrl);
  const announcement = (text: string) => alice.getByRole("status").filter({ hasText: text });

  // Bob highlights a passage in his own browser; Alice's live region says so, politely.
  const quote = "alweer bombardementen over en weer";
  await selectWithMouse(bob, quote);
  await bob.getByRole("button", { name: "Highlight claim" }).click();
  const claimId = (await bob.locator("[data-open-claim-id]").getAttribute("data-open-claim-id"))!;
  await expect(claimMarks(alice, claimId).first()).toBeVisible();
  await expect(announcement(`Bob Test highlighted “${quote}”.`)).toHaveAttribute("aria-live", "polite");
  // And the mark Alice can reach from the keyboard says what it is.
  await expect(claimMarks(alice, claimId).first()).toHaveAccessibleDescription("Claim without tags; no comments");

  // Two comments at once are one announcement, not one per comment.
  await Promise.all([commentThroughApi(bobContext.request, claimId, "Een."), commentThroughApi(bobContext.request, claimId, "Twee.")]);
  await expect(announcement("2 new comments from Bob Test.")).toHaveAttribute("aria-live", "polite");
  await expect(claimMarks(alice, claimId).first()).toHaveAccessibleDescription("Claim without tags; 2 comments");
  // Bob is not told about his own work.
  await expect(bob.getByRole("status").filter({ hasText: "Bob Test highlighted" })).toHaveCount(0);

  await aliceContext.close();
  await bobContext.close();
});

import { articleReader, highlightedText, openDocument, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

// The Turkish government's quote, with Dutch typographic quotes and an accented letter.
const quote = "„een laatste kans [voor Armenië] om zich terug te trekken uit de gebieden die het bezet heeft”";

test("one member highlights, tags and comments; another sees it, replies; a reload shows it all", async ({ browser, team }) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  await signInThroughApi(aliceContext, team.alice);
  await signInThroughApi(bobContext, team.bob);
  const alice = await aliceContext.newPage();
  const bob = await bobContext.newPage();

  // Alice selects the quote with the mouse and highlights it.
  await openDocument(alice, team.documentUrl);
  await selectWithMouse(alice, quote);
  await expect(alice.getByText("Selected:")).toBeVisible();
  await alice.getByRole("button", { name: "Highlight claim" }).click();

  const claimPanel = alice.getByRole("region", { name: /Claim by Alice Test/ });
  await expect(claimPanel).toBeVisible();
  const mark = articleReader(alice).locator("mark[data-claim-id]").first();
  await expect(mark).toBeVisible();
  const claimId = await mark.getAttribute("data-claim-id");
  expect(claimId).toBeTruthy();
  expect(await highlightedText(alice, claimId!)).toBe(quote);

  // Tags it and starts the thread.
  await alice.getByRole("button", { name: "military", exact: true }).click();
  await expect(alice.getByRole("button", { name: "military", exact: true })).toHaveAttribute("aria-pressed", "true");
  await alice.getByRole("button", { name: "diplomatic", exact: true }).click();
  await expect(alice.getByRole("button", { name: "diplomatic", exact: true })).toHaveAttribute("aria-pressed", "true");
  await alice.getByLabel("Comment", { exact: true }).fill("Is dit een ultimatum of een aanbod?");
  await alice.getByRole("button", { name: "Post" }).click();
  await expect(alice.getByText("Is dit een ultimatum of een aanbod?")).toBeVisible();

  // Bob opens the document: the highlight is there, on the same text; the list shows tags and the comment count.
  await openDocument(bob, team.documentUrl);
  const bobMark = articleReader(bob).locator(`mark[data-claim-ids~="${claimId}"]`).first();
  await expect(bobMark).toBeVisible();
  expect(await highlightedText(bob, claimId!)).toBe(quote);
  const listEntry = bob.getByRole("complementary").locator(`button[data-claim-id="${claimId}"]`);
  await expect(listEntry).toContainText("military");
  await expect(listEntry).toContainText("diplomatic");
  await expect(listEntry).toContainText("1 comment");

  // Clicking the list entry scrolls the highlight into view and opens the thread; Bob replies.
  await expect(bobMark).not.toBeInViewport();
  await listEntry.click();
  await expect(bobMark).toBeInViewport();
  await expect(bob.getByText("Is dit een ultimatum of een aanbod?")).toBeVisible();
  await bob.getByRole("button", { name: "Reply" }).click();
  await bob.getByLabel("Reply", { exact: true }).fill("Een aanbod dat geen keuze laat.");
  await bob.getByRole("button", { name: "Post" }).first().click();
  await expect(bob.getByRole("list", { name: "Replies" }).getByText("Een aanbod dat geen keuze laat.")).toBeVisible();

  // Alice reloads: everything persisted, with authors.
  await alice.reload();
  await expect(articleReader(alice)).toBeVisible();
  expect(await highlightedText(alice, claimId!)).toBe(quote);
  await expect(alice.getByRole("button", { name: "military", exact: true })).toHaveAttribute("aria-pressed", "true");
  const thread = alice.getByRole("region", { name: "Discussion" });
  await expect(thread.getByText("Is dit een ultimatum of een aanbod?")).toBeVisible();
  await expect(thread.getByRole("list", { name: "Replies" }).getByText("Een aanbod dat geen keuze laat.")).toBeVisible();
  await expect(thread.getByText("Bob Test")).toBeVisible();

  await aliceContext.close();
  await bobContext.close();
});

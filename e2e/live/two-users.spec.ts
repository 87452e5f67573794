import { articleReader, highlightedText, selectWithMouse } from "../fixtures/article";
import { claimListEntry, claimMarks, expectNotReloaded, liveStatus, markPage, viewersOf, watchDocument } from "../fixtures/live";
import { commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

// Two members of a team read the same document, each in a browser of their own: what one does appears for the
// other in place, without a reload.

test("a highlight and a reply reach the other member live, without a reload", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const alice = await aliceContext.newPage();
  const bob = await bobContext.newPage();
  await watchDocument(alice, team.documentUrl);
  await watchDocument(bob, team.documentUrl);
  await markPage(alice);
  await markPage(bob);
  await expect(bob.getByRole("heading", { name: "Claims" })).toContainText("(0)");

  // Alice highlights a passage near the top with the mouse.
  const quote = "Zaterdagnacht, amper twaalf uur na de aankondiging";
  await selectWithMouse(alice, quote);
  await alice.getByRole("button", { name: "Highlight claim" }).click();
  const claimId = await alice.locator("[data-open-claim-id]").getAttribute("data-open-claim-id");
  expect(claimId).toBeTruthy();

  // Bob sees the highlight on the same words and the list entry, and hears about it.
  await expect(claimMarks(bob, claimId!).first()).toBeVisible();
  expect(await highlightedText(bob, claimId!)).toBe(quote);
  await expect(claimListEntry(bob, claimId!)).toContainText("Alice Test");
  await expect(bob.getByRole("heading", { name: "Claims" })).toContainText("(1)");
  await expect(bob.getByRole("status").filter({ hasText: `Alice Test highlighted “${quote}”.` })).toBeAttached();
  // It was on his screen when it appeared: nothing to point him to.
  await expect(bob.getByTestId("new-highlights")).toHaveCount(0);

  // Alice starts the discussion; Bob's list shows the count and a "new" badge until he opens the thread.
  await alice.getByLabel("Comment", { exact: true }).fill("Is dit een ultimatum of een aanbod?");
  await alice.getByRole("button", { name: "Post" }).click();
  await expect(claimListEntry(bob, claimId!)).toContainText("1 comment");
  await expect(claimListEntry(bob, claimId!).getByTestId("new-comments")).toHaveText("1 new comment");
  await claimListEntry(bob, claimId!).click();
  const bobThread = bob.getByRole("region", { name: "Discussion" });
  await expect(bobThread.getByText("Is dit een ultimatum of een aanbod?")).toBeVisible();

  // Bob replies; Alice, whose thread is open, sees the reply appear in it.
  await bobThread.getByRole("button", { name: "Reply" }).click();
  await bobThread.getByLabel("Reply", { exact: true }).fill("Een aanbod dat geen keuze laat.");
  await bobThread.getByRole("button", { name: "Post" }).first().click();
  await expect(bobThread.getByRole("list", { name: "Replies" }).getByText("Een aanbod dat geen keuze laat.")).toBeVisible();
  const aliceThread = alice.getByRole("region", { name: "Discussion" });
  await expect(aliceThread.getByRole("list", { name: "Replies" }).getByText("Een aanbod dat geen keuze laat.")).toBeVisible();
  await expect(aliceThread.getByText("Bob Test")).toBeVisible();

  // Opening the thread cleared Bob's badge; his own reply does not bring it back.
  await bob.getByRole("button", { name: "Back to all claims" }).click();
  await expect(claimListEntry(bob, claimId!)).toContainText("2 comments");
  await expect(claimListEntry(bob, claimId!).getByTestId("new-comments")).toHaveCount(0);

  await expectNotReloaded(alice);
  await expectNotReloaded(bob);
  await aliceContext.close();
  await bobContext.close();
});

test("each sees who else is viewing; a reader who leaves drops out within seconds", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const alice = await aliceContext.newPage();
  const bob = await bobContext.newPage();
  await watchDocument(alice, team.documentUrl);
  await watchDocument(bob, team.documentUrl);

  await expect(viewersOf(alice)).toContainText("Bob Test");
  await expect(viewersOf(alice)).toContainText("Alice Test (you)");
  await expect(viewersOf(bob)).toContainText("Alice Test");
  await expect(viewersOf(bob)).toContainText("Bob Test (you)");
  await expect(viewersOf(alice).getByRole("listitem")).toHaveCount(2);
  await expect(viewersOf(alice).getByTitle("Bob Test", { exact: true })).toHaveText(/^BT/u);

  await bob.close();
  await expect(viewersOf(alice)).not.toContainText("Bob Test", { timeout: 5_000 });
  await expect(viewersOf(alice).getByRole("listitem")).toHaveCount(1);

  await aliceContext.close();
  await bobContext.close();
});

test("a reader who was offline sees exactly what changed meanwhile once back online", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const bob = await bobContext.newPage();
  await watchDocument(bob, team.documentUrl);
  await markPage(bob);
  // From here on Bob's page may not re-read the whole claims list (TanStack Query would on reconnect): what he
  // sees next can only have come through the live stream's replay.
  await bob.route(`**/api/documents/${team.documentId}/claims`, (route) => route.abort());

  await bobContext.setOffline(true);
  await expect(liveStatus(bob)).toHaveAttribute("data-live-status", "offline");
  await expect(liveStatus(bob)).toHaveText("Offline — changes will appear when you reconnect");

  const first = await createClaimThroughApi(aliceContext.request, team, "Weinig opties");
  const second = await createClaimThroughApi(aliceContext.request, team, "wapenstilstand te bewerkstelligen");
  await commentThroughApi(aliceContext.request, first.id, "Welke opties dan wel?");
  await bob.waitForTimeout(1_000);
  await expect(bob.getByRole("complementary").locator("button[data-claim-id]")).toHaveCount(0);

  await bobContext.setOffline(false);
  await expect(liveStatus(bob)).toHaveAttribute("data-live-status", "live");
  await expect(bob.getByRole("complementary").locator("button[data-claim-id]")).toHaveCount(2);
  await expect(claimListEntry(bob, first.id)).toContainText("1 comment");
  await expect(claimListEntry(bob, first.id).getByTestId("new-comments")).toHaveText("1 new comment");
  await expect(claimListEntry(bob, second.id)).toContainText("0 comments");
  expect(await highlightedText(bob, first.id)).toBe("Weinig opties");
  expect(await highlightedText(bob, second.id)).toBe("wapenstilstand te bewerkstelligen");
  await expect(articleReader(bob).locator("mark[data-claim-id]")).toHaveCount(2);
  await expectNotReloaded(bob);

  await aliceContext.close();
  await bobContext.close();
});

test("a passage highlighted out of view is counted, and the counter leads to it without moving the text", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const bob = await bobContext.newPage();
  await watchDocument(bob, team.documentUrl);
  const article = bob.getByRole("article");
  const articleTop = await article.evaluate((element) => element.getBoundingClientRect().top);

  // One passage at the very end (far below Bob's screen), one at the start (on it).
  const far = await createClaimThroughApi(aliceContext.request, team, "Voor Poetin is het opgelaaide conflict dus een wake up call.");
  const near = await createClaimThroughApi(aliceContext.request, team, "wapenstilstand te bewerkstelligen");
  const farMark = claimMarks(bob, far.id).first();
  await expect(farMark).toBeAttached();
  await expect(claimMarks(bob, near.id).first()).toBeInViewport();
  await expect(farMark).not.toBeInViewport();

  // The text under Bob's eyes did not move.
  expect(await article.evaluate((element) => element.getBoundingClientRect().top)).toBe(articleTop);
  expect(await bob.evaluate(() => window.scrollY)).toBe(0);

  // Only the passage he has not seen is counted; the counter works from the keyboard.
  const counter = bob.getByRole("button", { name: /^1 new highlight by others/u });
  await expect(counter).toBeVisible();
  await expect(counter).toHaveText("1 new ↓");
  await counter.focus();
  await bob.keyboard.press("Enter");
  await expect(farMark).toBeInViewport();
  await expect(bob.getByTestId("new-highlights")).toHaveCount(0);

  await aliceContext.close();
  await bobContext.close();
});

test("a moderator's hide, a renamed tag and a deleted claim reach a member live", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const kept = await createClaimThroughApi(aliceContext.request, team, "Weinig opties", ["military"]);
  const hidden = await createClaimThroughApi(aliceContext.request, team, "wapenstilstand te bewerkstelligen", ["diplomatic"]);
  const bob = await bobContext.newPage();
  await watchDocument(bob, team.documentUrl);
  await markPage(bob);
  await expect(claimMarks(bob, hidden.id).first()).toBeAttached();
  await expect(claimListEntry(bob, kept.id)).toContainText("military");

  // Alice (the owner) hides a claim: Bob's highlight goes and a placeholder takes its list entry.
  expect((await aliceContext.request.post(`/api/claims/${hidden.id}/hide`, { data: { reason: "Off-topic" } })).status()).toBe(200);
  await expect(claimMarks(bob, hidden.id)).toHaveCount(0);
  await expect(claimListEntry(bob, hidden.id)).toContainText("Hidden by a moderator");
  await expect(claimListEntry(bob, hidden.id)).not.toContainText("wapenstilstand");

  // She renames a tag (as on the team's tag page): Bob's list shows the new name.
  const military = team.tagIds.military;
  expect((await aliceContext.request.patch(`/api/tags/${military}`, { data: { name: "militair" } })).status()).toBe(200);
  await expect(claimListEntry(bob, kept.id)).toContainText("militair");
  await expect(claimListEntry(bob, kept.id)).not.toContainText("military");

  // And deletes the other claim: it leaves Bob's text and list.
  expect((await aliceContext.request.delete(`/api/claims/${kept.id}`)).status()).toBe(204);
  await expect(claimMarks(bob, kept.id)).toHaveCount(0);
  await expect(claimListEntry(bob, kept.id)).toHaveCount(0);

  await expectNotReloaded(bob);
  await aliceContext.close();
  await bobContext.close();
});

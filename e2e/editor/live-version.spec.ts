import { articleReader } from "../fixtures/article";
import { claimMarks, expectNotReloaded, markPage, watchDocument } from "../fixtures/live";
import { createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";
import { replaceText, saveVersionThroughApi } from "./save-version-through-api";

// A new version saved by an editor reaches everyone reading the document, live: the new text, the claims moved
// onto it, and a polite announcement, without a reload and without closing the reader's open claim.

test("a reader with a claim open sees a new version arrive live, and hears its number", async ({ browser, team }) => {
  const bobContext = await signedInContext(browser, team.bob);
  const aliceContext = await signedInContext(browser, team.alice);
  const bob = await bobContext.newPage();
  const claim = await createClaimThroughApi(bob.request, team, "Weinig opties");
  await watchDocument(bob, `${team.documentUrl}?claim=${claim.id}`);
  await markPage(bob);
  await expect(bob.locator(`[data-open-claim-id="${claim.id}"]`)).toBeVisible();
  await expect(articleReader(bob)).toContainText("Zaterdagnacht, amper twaalf uur");

  const saved = await saveVersionThroughApi(aliceContext.request, team.documentId, replaceText("Zaterdagnacht", "Zondagnacht"), "Dag gecorrigeerd");
  expect(saved).toEqual({ number: 2, anchored: 1, changed: 0, orphaned: 0 });

  await expect(articleReader(bob)).toContainText("Zondagnacht, amper twaalf uur");
  await expect(articleReader(bob)).not.toContainText("Zaterdagnacht");
  await expect(bob.getByRole("status").filter({ hasText: "A new version of the article was saved (version 2)." })).toBeAttached();
  // The open claim stays open, its highlight on the same words in the new text.
  await expect(bob).toHaveURL(new RegExp(`\\?claim=${claim.id}$`, "u"));
  await expect(bob.locator(`[data-open-claim-id="${claim.id}"]`)).toBeVisible();
  await expect(claimMarks(bob, claim.id).first()).toHaveText("Weinig opties");

  await expectNotReloaded(bob);
  await aliceContext.close();
  await bobContext.close();
});

import type { Page } from "@playwright/test";

import { articleReader, openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

/** Opens the document and waits until its live stream is connected. */
async function watchDocument(page: Page, url: string): Promise<void> {
  await openDocument(page, url);
  await expect(page.locator("[data-live-status]")).toHaveAttribute("data-live-status", "live");
}

test("a member removed from the team stops receiving changes within 5 seconds", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const bob = await bobContext.newPage();
  await watchDocument(bob, team.documentUrl);

  // Bob still receives changes while he is a member.
  const before = await createClaimThroughApi(aliceContext.request, team, "Weinig opties");
  await expect(articleReader(bob).locator(`mark[data-claim-ids~="${before.id}"]`).first()).toBeAttached();

  const removal = await aliceContext.request.delete(`/api/teams/${team.teamId}/members/${team.bob.userId}`);
  expect(removal.ok()).toBe(true);
  const removedAt = Date.now();
  await expect(bob.locator("[data-live-status]")).toHaveAttribute("data-live-status", "revoked", { timeout: 5_000 });
  expect(Date.now() - removedAt).toBeLessThanOrEqual(5_000);
  await expect(bob.getByRole("status").filter({ hasText: "You no longer have access to this document" })).toBeVisible();

  // A change after the cut-off never reaches Bob's page (the stream is closed and is not reopened).
  const after = await createClaimThroughApi(aliceContext.request, team, "Verdeel-en-heers");
  const alice = await aliceContext.newPage();
  await watchDocument(alice, team.documentUrl);
  await expect(articleReader(alice).locator(`mark[data-claim-ids~="${after.id}"]`).first()).toBeAttached();
  await expect(articleReader(bob).locator(`mark[data-claim-ids~="${after.id}"]`)).toHaveCount(0);
  // And reopening the stream is refused: he is no longer a member.
  expect((await bobContext.request.get(`/api/documents/${team.documentId}/events`)).status()).toBe(404);

  await aliceContext.close();
  await bobContext.close();
});

test("signing out everywhere cuts off every open stream of that user within 5 seconds", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  // Bob reads on his laptop and, separately, manages his sessions on his phone.
  const laptop = await browser.newContext();
  const phone = await browser.newContext();
  await signInThroughApi(laptop, team.bob);
  await signInThroughApi(phone, team.bob);
  const reader = await laptop.newPage();
  await watchDocument(reader, team.documentUrl);

  const settings = await phone.newPage();
  await settings.goto("/settings/sessions");
  await settings.getByRole("button", { name: "Sign out everywhere" }).click();
  await settings.getByRole("alertdialog", { name: "Sign out everywhere?" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(settings).toHaveURL(/\/sign-in/u);
  const signedOutAt = Date.now();
  await expect(reader.locator("[data-live-status]")).toHaveAttribute("data-live-status", "revoked", { timeout: 5_000 });
  expect(Date.now() - signedOutAt).toBeLessThanOrEqual(5_000);

  const after = await createClaimThroughApi(aliceContext.request, team, "Weinig opties");
  await reader.waitForTimeout(500);
  await expect(articleReader(reader).locator(`mark[data-claim-ids~="${after.id}"]`)).toHaveCount(0);
  expect((await laptop.request.get(`/api/documents/${team.documentId}/events`)).status()).toBe(401);

  await aliceContext.close();
  await laptop.close();
  await phone.close();
});

import type { Locator, Page } from "@playwright/test";

import { openDocument } from "../fixtures/article";
import { expectNotReloaded, markPage, watchDocument } from "../fixtures/live";
import { createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

// A claim's check in the claim panel: its status, assignee and due date, saved at once, kept across a reload,
// told in its history, and seen live by a colleague who has the same claim open.

const quote = "Weinig opties";

/** The open claim's panel. */
function claimPanel(page: Page, claimId: string): Locator {
  return page.locator(`[data-open-claim-id="${claimId}"]`);
}

/** Opens the panel's history disclosure and returns its list. */
async function openHistory(panel: Locator): Promise<Locator> {
  await panel.getByText("History", { exact: true }).click();
  return panel.getByRole("list", { name: "History" });
}

test("a member sets the status, assignee and due date; they stay after a reload, the history tells it, and a colleague sees it live", async ({
  browser,
  team,
}) => {
  const bobContext = await signedInContext(browser, team.bob);
  const aliceContext = await signedInContext(browser, team.alice);
  const claim = await createClaimThroughApi(bobContext.request, team, quote);
  const url = `${team.documentUrl}?claim=${claim.id}`;

  // Alice (the owner) has the claim open, with its history, before Bob does anything.
  const alice = await aliceContext.newPage();
  await watchDocument(alice, url);
  await markPage(alice);
  const alicePanel = claimPanel(alice, claim.id);
  await expect(alicePanel.getByLabel("Check status")).toHaveValue("open");
  const aliceHistory = await openHistory(alicePanel);
  await expect(alicePanel.getByText("Nothing has changed yet.")).toBeVisible();

  // Bob, the claim's author, moves it to Checking, assigns it to Alice and sets a due date.
  const bob = await bobContext.newPage();
  await watchDocument(bob, url);
  const bobPanel = claimPanel(bob, claim.id);
  await bobPanel.getByLabel("Check status").selectOption({ label: "Checking" });
  await expect(bobPanel.getByLabel("Check status")).toHaveValue("checking");

  // Alice's panel follows without a reload: the status first, then her history gains the line.
  await expect(alicePanel.getByLabel("Check status")).toHaveValue("checking");
  await expect(aliceHistory.getByRole("listitem")).toHaveText([/^Bob Test changed the status from Open to Checking · /u]);

  const assignee = bobPanel.getByLabel("Assigned to");
  await expect(assignee.getByRole("option", { name: "Alice Test" })).toBeAttached();
  await assignee.selectOption({ label: "Alice Test" });
  await bobPanel.getByLabel("Due date").fill("2026-12-10");
  await expect(bobPanel.getByRole("button", { name: "Remove due date" })).toBeVisible();
  await expect(alicePanel.getByLabel("Assigned to")).toHaveValue(team.alice.userId);
  await expect(alicePanel.getByLabel("Due date")).toHaveValue("2026-12-10");
  await expectNotReloaded(alice);

  // After a reload Bob sees what he set, and the history says who did what, in order.
  await bob.reload();
  await expect(bobPanel.getByLabel("Check status")).toHaveValue("checking");
  await expect(bobPanel.getByLabel("Assigned to")).toHaveValue(team.alice.userId);
  await expect(bobPanel.getByLabel("Due date")).toHaveValue("2026-12-10");
  const bobHistory = await openHistory(bobPanel);
  await expect(bobHistory.getByRole("listitem")).toHaveText([
    /^Bob Test changed the status from Open to Checking · /u,
    /^Bob Test assigned the claim to Alice Test · /u,
    /^Bob Test set the due date to Dec 10, 2026 · /u,
  ]);
  await expect(bobHistory.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/u);

  // The API agrees.
  const stored = await (await bobContext.request.get(`/api/claims/${claim.id}`)).json();
  expect(stored).toMatchObject({ status: "checking", assignee: { id: team.alice.userId, name: "Alice Test" }, dueAt: "2026-12-10T00:00:00.000Z" });

  await aliceContext.close();
  await bobContext.close();
});

test("a change the server refuses is put back, with the reason; someone who may not check sees the check read-only", async ({
  browser,
  team,
}) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const claim = await createClaimThroughApi(aliceContext.request, team, quote);
  const url = `${team.documentUrl}?claim=${claim.id}`;

  const alice = await aliceContext.newPage();
  await openDocument(alice, url);
  const panel = claimPanel(alice, claim.id);
  await alice.route(`**/api/claims/${claim.id}`, (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({ status: 409, contentType: "application/json", body: JSON.stringify({ error: { code: "conflict", message: "Simulated refusal" } }) })
      : route.fallback(),
  );
  await panel.getByLabel("Check status").selectOption({ label: "Checked" });
  await expect(panel.getByRole("alert")).toHaveText(/Could not save the change: Simulated refusal/u);
  await expect(panel.getByLabel("Check status")).toHaveValue("open");
  await alice.unroute(`**/api/claims/${claim.id}`);

  // Bob, a member, neither wrote nor was given Alice's claim: he reads its check.
  const bob = await bobContext.newPage();
  await openDocument(bob, url);
  const bobPanel = claimPanel(bob, claim.id);
  await expect(bobPanel.getByTestId("check-read-only")).toContainText("Check status");
  await expect(bobPanel.getByTestId("check-read-only")).toContainText("Open");
  await expect(bobPanel.getByTestId("check-read-only")).toContainText("Unassigned");
  await expect(bobPanel.getByLabel("Check status")).toHaveCount(0);
  const history = await openHistory(bobPanel);
  await expect(bobPanel.getByText("Nothing has changed yet.")).toBeVisible();
  await expect(history).toHaveCount(0);

  await aliceContext.close();
  await bobContext.close();
});

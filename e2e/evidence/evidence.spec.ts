import type { APIRequestContext, Locator, Page } from "@playwright/test";

import { openDocument } from "../fixtures/article";
import { blockingViolations, describeViolations, scanWithAxe } from "../fixtures/axe";
import { expectNotReloaded, markPage, watchDocument } from "../fixtures/live";
import { createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";
import { xssPayloads } from "../fixtures/xss-payloads";
import { watchForInjectedScript } from "../fixtures/xss-watch";

// Evidence in the claim panel (issue 14 §2): a member adds a source with a link, edits and deletes it, and the
// other member, reading the same claim in a browser of their own, sees each change without a reload.

/** The panel's evidence section. */
function evidenceSection(page: Page): Locator {
  return page.getByRole("region", { name: "Evidence", exact: true });
}

/** The evidence list's entries. */
function evidenceItems(page: Page): Locator {
  return evidenceSection(page).getByRole("list", { name: "Evidence for this claim" }).getByRole("listitem");
}

/** Adds evidence through the JSON API, as a script would. */
async function addEvidenceThroughApi(request: APIRequestContext, claimId: string, data: Record<string, unknown>): Promise<{ id: string }> {
  const response = await request.post(`/api/claims/${claimId}/evidence`, { data });
  expect(response.status(), JSON.stringify(data)).toBe(201);
  return (await response.json()) as { id: string };
}

test("a member adds supporting evidence with a link, edits it and deletes it; the other member sees it live", async ({ browser, team }, testInfo) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const claim = await createClaimThroughApi(aliceContext.request, team, "Weinig opties");
  const claimUrl = `${team.documentUrl}?claim=${claim.id}`;
  const alice = await aliceContext.newPage();
  const bob = await bobContext.newPage();
  await watchDocument(alice, claimUrl);
  await watchDocument(bob, claimUrl);
  await markPage(alice);
  await expect(evidenceSection(alice)).toContainText("No evidence yet.");
  await expect(evidenceSection(bob)).toContainText("No evidence yet.");

  // Bob opens the form; a link that is not a web address is refused by its field before anything is sent.
  await evidenceSection(bob).getByRole("button", { name: "Add evidence" }).click();
  const form = evidenceSection(bob).getByRole("form", { name: "New evidence" });
  await expect(form.getByLabel("Title")).toBeFocused();
  await form.getByLabel("Title").fill("Persbericht van het Russische ministerie van Defensie");
  await form.getByLabel("Link (optional)").fill("javascript:alert(1)");
  await form.getByRole("radio", { name: "Supports" }).check();
  const scan = await scanWithAxe(bob, testInfo, { page: "document, evidence form with a refused link", language: "en" });
  const blocking = blockingViolations(scan);
  expect(blocking.map((violation) => violation.rule), describeViolations(blocking)).toEqual([]);
  await form.getByRole("button", { name: "Add evidence" }).click();
  await expect(form.getByText("Only http:// and https:// links are allowed")).toBeVisible();
  await expect(form.getByLabel("Link (optional)")).toBeFocused();
  await expect(form.getByLabel("Link (optional)")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Link (optional)").fill("https://mil.ru/persbericht?id=12");
  await form.getByLabel("Quote from the source (optional)").fill("De wapenstilstand wordt door de Russische zijde gerespecteerd.");
  await form.getByLabel("Note (optional)").fill("Gezien op 11 oktober.");
  await form.getByRole("button", { name: "Add evidence" }).click();
  await expect(form).toHaveCount(0);
  await expect(evidenceSection(bob).getByRole("button", { name: "Add evidence" })).toBeFocused();

  // It shows as a plain link that opens in a new tab without a handle on this page, the host beside it.
  const item = evidenceItems(bob);
  await expect(item).toHaveCount(1);
  const link = item.getByRole("link", { name: "Persbericht van het Russische ministerie van Defensie (opens in a new tab)" });
  await expect(link).toHaveAttribute("href", "https://mil.ru/persbericht?id=12");
  await expect(link).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(item.locator("[data-evidence-host]")).toHaveText("(mil.ru)");
  await expect(item.locator("[data-stance]")).toHaveText("Supports");
  await expect(item.locator("blockquote")).toHaveText("De wapenstilstand wordt door de Russische zijde gerespecteerd.");
  await expect(item).toContainText("Gezien op 11 oktober.");
  await expect(item).toContainText("Added by Bob Test");

  // Alice, who only watches, sees it arrive, as a link too; she may edit it (an owner is an editor).
  const aliceItem = evidenceItems(alice);
  await expect(aliceItem.getByRole("link", { name: /Persbericht van het Russische ministerie/u })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(aliceItem).toContainText("Added by Bob Test");
  await expect(aliceItem.getByRole("button", { name: "Edit" })).toBeVisible();

  // Bob edits it: a new title and stance, the link removed.
  await item.getByRole("button", { name: "Edit" }).click();
  const editForm = evidenceSection(bob).getByRole("form", { name: "Edit evidence" });
  await expect(editForm.getByLabel("Link (optional)")).toHaveValue("https://mil.ru/persbericht?id=12");
  await editForm.getByLabel("Title").fill("Persbericht, later ingetrokken");
  await editForm.getByRole("radio", { name: "Refutes" }).check();
  await editForm.getByLabel("Link (optional)").fill("");
  await editForm.getByRole("button", { name: "Save" }).click();
  await expect(editForm).toHaveCount(0);
  await expect(item).toContainText("Persbericht, later ingetrokken");
  await expect(item.getByRole("link")).toHaveCount(0);
  await expect(item.locator("[data-stance]")).toHaveText("Refutes");
  await expect(item).toContainText("· edited");
  await expect(aliceItem).toContainText("Persbericht, later ingetrokken");
  await expect(aliceItem.locator("[data-stance]")).toHaveText("Refutes");

  // Bob deletes it, after confirming.
  await item.getByRole("button", { name: "Delete" }).click();
  const dialog = bob.getByRole("alertdialog", { name: "Delete this evidence?" });
  await expect(dialog).toContainText("“Persbericht, later ingetrokken” is removed from the claim.");
  await dialog.getByRole("button", { name: "Delete evidence" }).click();
  await expect(evidenceSection(bob)).toContainText("No evidence yet.");
  await expect(evidenceSection(alice)).toContainText("No evidence yet.");

  // The claim's history kept every step.
  const history = await (await import("../../lib/testing/factories")).getTestDb().claimHistoryEntry.findMany({
    where: { claimId: claim.id },
    orderBy: { createdAt: "asc" },
    select: { field: true },
  });
  expect(history.map((line) => line.field)).toEqual(["evidence.added", "evidence.updated", "evidence.deleted"]);

  await expectNotReloaded(alice);
  await aliceContext.close();
  await bobContext.close();
});

test("a viewer reads evidence without the buttons to change it; another member's evidence has none either", async ({ browser, team }) => {
  const { unsafeAddTeamMember, unsafeCreateUser } = await import("../../lib/testing/factories");
  const viewer = await unsafeCreateUser("Vera Viewer");
  await unsafeAddTeamMember(team.teamId, viewer, "VIEWER");
  const aliceContext = await signedInContext(browser, team.alice);
  const claim = await createClaimThroughApi(aliceContext.request, team, "Weinig opties");
  await addEvidenceThroughApi(aliceContext.request, claim.id, { title: "Van de eigenaar", stance: "context" });

  for (const [user, note] of [
    [viewer, "Your role in this team lets you read the evidence, not add to it."],
    [team.bob, null],
  ] as const) {
    const context = await signedInContext(browser, user);
    const page = await context.newPage();
    await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
    await expect(evidenceItems(page)).toHaveCount(1);
    await expect(evidenceItems(page).locator("[data-stance]")).toHaveText("Context");
    await expect(evidenceItems(page).getByRole("button")).toHaveCount(0);
    if (note) {
      await expect(evidenceSection(page)).toContainText(note);
      await expect(evidenceSection(page).getByRole("button", { name: "Add evidence" })).toHaveCount(0);
    } else {
      await expect(evidenceSection(page).getByRole("button", { name: "Add evidence" })).toBeVisible();
    }
    await context.close();
  }
  await aliceContext.close();
});

test("evidence whose title, quote and note are XSS payloads shows them as text, and nothing runs", async ({ browser, team, baseURL }) => {
  test.setTimeout(90_000);
  const aliceContext = await signedInContext(browser, team.alice);
  const claim = await createClaimThroughApi(aliceContext.request, team, "Weinig opties");
  for (const [index, payload] of xssPayloads.entries()) {
    // Every other one with a (safe) link, so the payload is also a link's text.
    const url = index % 2 === 0 ? `https://example.com/bron/${index}` : null;
    await addEvidenceThroughApi(aliceContext.request, claim.id, { title: payload, quote: payload, note: payload, url, stance: "context" });
  }
  // A dangerous link never gets in, whatever its title.
  const refused = await aliceContext.request.post(`/api/claims/${claim.id}/evidence`, {
    data: { title: "Klik hier", url: "javascript:alert(1)", stance: "supports" },
  });
  expect(refused.status()).toBe(422);

  const page = await aliceContext.newPage();
  const watcher = watchForInjectedScript(page, baseURL!);
  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
  const items = evidenceItems(page);
  await expect(items).toHaveCount(xssPayloads.length);
  for (const [index, payload] of xssPayloads.entries()) {
    const item = items.nth(index);
    await expect(item.locator("blockquote")).toHaveText(payload);
    await expect(item.getByText(payload, { exact: true })).toHaveCount(index % 2 === 0 ? 2 : 3);
    if (index % 2 === 0) {
      await expect(item.getByRole("link")).toHaveAttribute("href", `https://example.com/bron/${index}`);
      await expect(item.getByRole("link")).toContainText(payload);
    }
  }
  await expect(evidenceSection(page).locator("a")).toHaveCount(Math.ceil(xssPayloads.length / 2));
  await watcher.assertInert("evidence list");

  // The confirmation and the edit form show the payload as text and values too.
  await items.first().getByRole("button", { name: "Delete" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(xssPayloads[0]!);
  await page.keyboard.press("Escape");
  await items.nth(1).getByRole("button", { name: "Edit" }).click();
  await expect(evidenceSection(page).getByRole("form", { name: "Edit evidence" }).getByLabel("Title")).toHaveValue(xssPayloads[1]!);
  await watcher.assertInert("evidence dialogs and form");

  await aliceContext.close();
});

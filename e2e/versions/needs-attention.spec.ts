import type { APIRequestContext, Locator, Page } from "@playwright/test";

import { articleReader, highlightedText, openDocument, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { blockingViolations, describeViolations, scanWithAxe } from "../fixtures/axe";
import { commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test, type TeamFixture } from "../fixtures/team";
import { unsafeAddTeamMember, unsafeCreateUser } from "../../lib/testing/factories";

// Setup through the API: claims on version 1, then version 2 rewrites one claim's words and deletes another's
// sentence (replaced by one that says something else). The person then works in the browser.
const changedQuote = "amper twaalf uur na de aankondiging";
const changedNow = "amper tien uur na de aankondiging";
const orphanQuote = "Dit wordt door Ankara en Bakoe ontkend.";
const newSentence = "Beide regeringen spreken dat tegen.";

/** Saves a new version of the seed article as text, in the seed's own format (a `date` prefix, blank lines). */
async function saveVersion(request: APIRequestContext, team: TeamFixture, text: string) {
  const response = await request.post(`/api/documents/${team.documentId}/versions`, { data: { format: "text", content: `date 2020-10 ${text}` } });
  expect(response.status()).toBe(201);
  return (await response.json()) as { number: number; anchored: number; changed: number; orphaned: number };
}

const versionTwo = (team: TeamFixture) => team.documentText.replace(changedQuote, changedNow).replace(orphanQuote, newSentence);

function attentionPanel(page: Page): Locator {
  return page.getByRole("region", { name: /^Needs attention/u });
}

function attentionEntry(page: Page, claimId: string): Locator {
  return attentionPanel(page).locator(`[data-attention-claim-id="${claimId}"]`);
}

test("claims whose text changed or is gone are listed with both texts; the orphan is re-attached to new text and the changed one kept; a viewer sees them without actions", async ({
  browser,
  team,
}) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const api = aliceContext.request;
  const changed = await createClaimThroughApi(api, team, changedQuote, ["military"]);
  const orphan = await createClaimThroughApi(api, team, orphanQuote, ["diplomatic"]);
  const kept = await createClaimThroughApi(api, team, "Turkse drones");
  await commentThroughApi(api, orphan.id, "Wie ontkent dit precies?");
  await commentThroughApi(api, orphan.id, "Beide, volgens de Guardian.");
  expect(await saveVersion(api, team, versionTwo(team))).toMatchObject({ number: 2, anchored: 1, changed: 1, orphaned: 1 });

  // A viewer sees what needs attention, and no button that would fail for them.
  const viewer = await unsafeCreateUser("Vera Viewer");
  await unsafeAddTeamMember(team.teamId, viewer, "VIEWER");
  const viewerContext = await signedInContext(browser, viewer);
  const viewerPage = await viewerContext.newPage();
  await openDocument(viewerPage, team.documentUrl);
  await expect(attentionPanel(viewerPage)).toContainText("Needs attention (2)");
  await expect(attentionPanel(viewerPage).getByRole("button", { name: "Open claim" })).toHaveCount(2);
  await expect(attentionPanel(viewerPage).getByRole("button", { name: /Re-attach|Dismiss|Keep the new text/u })).toHaveCount(0);
  await viewerContext.close();

  const page = await aliceContext.newPage();
  await openDocument(page, team.documentUrl);
  const panel = attentionPanel(page);
  await expect(panel).toContainText("Needs attention (2)");
  // The orphan first: its words are gone. Then the changed claim, with what it says now and what it said.
  await expect(panel.getByRole("list", { name: "Claims that need attention" }).getByRole("listitem")).toHaveCount(2);
  await expect(panel.locator("[data-attention-claim-id]").first()).toHaveAttribute("data-attention-claim-id", orphan.id);
  await expect(attentionEntry(page, orphan.id)).toContainText(`Lost its text: its words are gone from the article. It was made on “${orphanQuote}”`);
  await expect(attentionEntry(page, orphan.id)).toContainText("By Alice Test");
  await expect(attentionEntry(page, orphan.id)).toContainText("diplomatic");
  await expect(attentionEntry(page, orphan.id)).toContainText("2 comments");
  await expect(attentionEntry(page, changed.id)).toContainText(`Changed: the text now reads “${changedNow}” (was “${changedQuote}”)`);

  // In the article: the orphan is not drawn anywhere; the changed claim sits on its new words, drawn dashed.
  const reader = articleReader(page);
  await expect(reader.locator(`mark[data-claim-ids~="${changed.id}"]`).first()).toHaveClass(/claim-highlight--changed/u);
  expect(await highlightedText(page, changed.id)).toBe(changedNow);
  await expect(reader.locator(`mark[data-claim-ids~="${orphan.id}"]`)).toHaveCount(0);
  expect(await highlightedText(page, kept.id)).toBe("Turkse drones");
  await expect(reader.locator(`mark[data-claim-ids~="${kept.id}"]`).first()).not.toHaveClass(/claim-highlight--changed/u);

  // Re-attach mode says what to do; Escape leaves it, focus back on "Re-attach".
  const orphanEntry = attentionEntry(page, orphan.id);
  await orphanEntry.getByRole("button", { name: "Re-attach" }).click();
  await expect(orphanEntry.getByText("Select the new text in the article, then choose Re-attach here.")).toBeFocused();
  await expect(orphanEntry).toContainText("Nothing selected in the article yet.");
  await page.keyboard.press("Escape");
  await expect(orphanEntry.getByRole("button", { name: "Re-attach here" })).toHaveCount(0);
  await expect(orphanEntry.getByRole("button", { name: "Re-attach" })).toBeFocused();

  // The member selects the new sentence in the article and re-attaches the orphan there.
  await orphanEntry.getByRole("button", { name: "Re-attach" }).click();
  await selectWithMouse(page, newSentence);
  await expect(orphanEntry).toContainText(`Selected: “${newSentence}”`);
  await orphanEntry.getByRole("button", { name: "Re-attach here" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Claim re-attached to the selected text" })).toBeAttached();
  await expect(reader.locator(`mark[data-claim-ids~="${orphan.id}"]`).first()).toBeVisible();
  expect(await highlightedText(page, orphan.id)).toBe(newSentence);
  await expect(orphanEntry).toHaveCount(0);
  await expect(panel).toContainText("Needs attention (1)");
  await expect(page.getByRole("heading", { name: /^Needs attention/u })).toBeFocused();

  // It kept its tags and its discussion; its history tells what happened to it.
  const listed = page.locator(`aside button[data-claim-id="${orphan.id}"]`);
  await expect(listed).toContainText("diplomatic");
  await expect(listed).toContainText("2 comments");
  await listed.click();
  const claimPanel = page.locator(`[data-open-claim-id="${orphan.id}"]`);
  await expect(claimPanel.getByTestId("claim-anchor-note")).toHaveCount(0);
  await claimPanel.getByText("History", { exact: true }).click();
  const history = claimPanel.getByRole("list", { name: "History" });
  await expect(history).toContainText(`Alice Test saved version 2: the claim’s text “${orphanQuote}” is gone`);
  await expect(history).toContainText(`Alice Test re-attached the claim to “${newSentence}” (was “${orphanQuote}”)`);
  await claimPanel.getByRole("button", { name: "Back to all claims" }).click();

  // The changed claim keeps its new text: it leaves the panel, which goes once empty, and says so quietly.
  await attentionEntry(page, changed.id).getByRole("button", { name: "Keep the new text" }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.locator(`aside button[data-claim-id="${changed.id}"]`)).toBeFocused();
  await page.locator(`aside button[data-claim-id="${changed.id}"]`).click();
  const changedNote = page.locator(`[data-open-claim-id="${changed.id}"]`).getByTestId("claim-anchor-note");
  await expect(changedNote).toContainText(`Changed: the text now reads “${changedNow}” (was “${changedQuote}”)`);
  await expect(changedNote).toContainText("Taken off “Needs attention”.");

  // After a reload: nothing needs attention, both claims are drawn where they now are.
  await page.reload();
  await expect(reader).toBeVisible();
  await expect(articleReader(page).locator(`mark[data-claim-ids~="${orphan.id}"]`).first()).toBeVisible();
  expect(await highlightedText(page, orphan.id)).toBe(newSentence);
  await expect(attentionPanel(page)).toHaveCount(0);
  await aliceContext.close();
});

test("a re-attachment against text that changed meanwhile says so, and works once the new text is selected", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const api = aliceContext.request;
  const orphan = await createClaimThroughApi(api, team, orphanQuote);
  await saveVersion(api, team, versionTwo(team));

  const page = await aliceContext.newPage();
  await openDocument(page, team.documentUrl);
  const entry = attentionEntry(page, orphan.id);
  await entry.getByRole("button", { name: "Re-attach" }).click();
  await entry.getByRole("button", { name: "Re-attach here" }).click();
  await expect(entry.getByRole("alert")).toHaveText("Select the new text in the article first.");
  await selectWithMouse(page, newSentence);

  // Someone saves another version (a new first paragraph: every position moves) before the member confirms.
  expect(await saveVersion(api, team, `Redactionele noot: dit stuk is bijgewerkt.\n\n${versionTwo(team)}`)).toMatchObject({ number: 3, orphaned: 1 });
  await entry.getByRole("button", { name: "Re-attach here" }).click();
  await expect(entry.getByRole("alert")).toHaveText("The article changed; select again.");
  await expect(articleReader(page).locator(`mark[data-claim-ids~="${orphan.id}"]`)).toHaveCount(0);

  // On the latest text, it works.
  await page.reload();
  await expect(articleReader(page)).toBeVisible();
  await attentionEntry(page, orphan.id).getByRole("button", { name: "Re-attach" }).click();
  await selectWithMouse(page, newSentence);
  await attentionEntry(page, orphan.id).getByRole("button", { name: "Re-attach here" }).click();
  await expect(attentionPanel(page)).toHaveCount(0);
  expect(await highlightedText(page, orphan.id)).toBe(newSentence);
  await aliceContext.close();
});

test.describe("in Dutch", () => {
  test.use({ locale: "nl-NL" });

  test("“Vraagt aandacht” words both texts in Dutch, and the panel in re-attach mode passes axe", async ({ page, context, team }, testInfo) => {
    await signInThroughApi(context, team.alice);
    const changed = await createClaimThroughApi(context.request, team, changedQuote);
    const orphan = await createClaimThroughApi(context.request, team, orphanQuote);
    await saveVersion(context.request, team, versionTwo(team));

    await openDocument(page, team.documentUrl);
    const panel = page.getByRole("region", { name: /^Vraagt aandacht/u });
    await expect(panel).toContainText("Vraagt aandacht (2)");
    await expect(panel.locator(`[data-attention-claim-id="${changed.id}"]`)).toContainText(
      `Gewijzigd: de tekst luidt nu “${changedNow}” (was “${changedQuote}”)`,
    );
    const entry = panel.locator(`[data-attention-claim-id="${orphan.id}"]`);
    await expect(entry).toContainText(`Losgeraakt: de woorden staan niet meer in het artikel. De claim was gemaakt op “${orphanQuote}”`);
    await entry.getByRole("button", { name: "Opnieuw koppelen" }).click();
    await selectWithMouse(page, newSentence);
    await expect(entry).toContainText(`Geselecteerd: “${newSentence}”`);

    const scan = await scanWithAxe(page, testInfo, { page: "document with “Needs attention”, re-attaching", language: "nl" });
    expect(scan.passedRules).toBeGreaterThan(0);
    expect(blockingViolations(scan), describeViolations(blockingViolations(scan))).toEqual([]);
  });
});

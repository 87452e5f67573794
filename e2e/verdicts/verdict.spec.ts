import type { Locator, Page } from "@playwright/test";

import { articleReader } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { claimListEntry, claimMarks, watchDocument } from "../fixtures/live";
import { addModerator, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

const quote = "Het Turkse optreden bedreigt de Russische machtspositie in de regio.";
/** The default scale's colours (lib/verdicts/scale.ts), as the browser computes them. */
const mostlyFalseColor = "rgb(194, 65, 12)"; // #c2410c
const falseColor = "rgb(185, 28, 28)"; // #b91c1c

/** The open claim's verdict section in the side panel. */
function verdictSection(page: Page, claimId: string): Locator {
  return page.locator(`[data-open-claim-id="${claimId}"]`).getByRole("region", { name: "Verdict" });
}

/** The badge after a claim's highlight in the article. */
function verdictBadge(page: Page, claimId: string): Locator {
  return articleReader(page).locator(`[data-verdict-for="${claimId}"]`);
}

/** Proposes a verdict from the open claim's panel, as a member does: the rating by its words, a summary. */
async function proposeVerdict(page: Page, claimId: string, rating: string, summary: string): Promise<void> {
  const section = verdictSection(page, claimId);
  await section.getByRole("button", { name: /^Propose (a|another) verdict$/u }).click();
  await section.getByRole("radio", { name: rating, exact: true }).check();
  await section.getByLabel("Summary").fill(summary);
  await section.getByRole("button", { name: "Propose verdict" }).click();
  await expect(section.getByTestId("verdict-proposal")).toContainText(summary);
}

test("a member proposes “Mostly false”, a moderator publishes it from another browser; the highlight shows the words and the colour; a correction shows “Updated on”", async ({
  browser,
  team,
}) => {
  const carol = await addModerator(team);
  const bobContext = await signedInContext(browser, team.bob);
  const carolContext = await signedInContext(browser, carol);
  const claim = await createClaimThroughApi(bobContext.request, team, quote, ["military"]);
  const bob = await bobContext.newPage();
  const carolPage = await carolContext.newPage();
  await watchDocument(bob, `${team.documentUrl}?claim=${claim.id}`);
  await watchDocument(carolPage, `${team.documentUrl}?claim=${claim.id}`);
  await expect(verdictSection(carolPage, claim.id)).toContainText("No verdict yet.");

  // Bob, a member, proposes; he cannot publish.
  await proposeVerdict(bob, claim.id, "Mostly false", "Rusland zag het Turkse optreden niet als bedreiging, volgens het Kremlin.");
  const bobSection = verdictSection(bob, claim.id);
  await expect(bobSection.getByTestId("verdict-proposal")).toContainText("Proposed by Bob Test");
  await expect(bobSection.getByRole("button", { name: "Publish verdict" })).toHaveCount(0);
  // Until it is published, the highlight keeps its tag's colour and has no badge.
  await expect(verdictBadge(bob, claim.id)).toHaveCount(0);

  // Carol, a moderator, sees the proposal arrive live and publishes it.
  const carolSection = verdictSection(carolPage, claim.id);
  await expect(carolSection.getByTestId("verdict-proposal")).toContainText("Mostly false");
  await expect(carolSection.getByTestId("verdict-proposal")).toContainText("Proposed by Bob Test");
  await carolSection.getByRole("button", { name: "Publish verdict" }).click();
  await expect(carolSection.getByTestId("published-verdict")).toContainText("Published on");
  await expect(carolSection.getByTestId("published-verdict")).toContainText("Mostly false");
  await expect(carolSection.getByTestId("verdict-proposal")).toHaveCount(0);

  // Both articles draw the claim in the rating's colour, with its icon and words after it (never colour alone),
  // and the highlight's description says the same words to a screen reader.
  for (const page of [carolPage, bob]) {
    const badge = verdictBadge(page, claim.id);
    await expect(badge).toHaveText("Mostly false");
    await expect(badge).toHaveAttribute("aria-hidden", "true");
    await expect(badge.locator("svg")).toHaveCount(1);
    await expect(badge).toHaveCSS("background-color", mostlyFalseColor);
    await expect(claimMarks(page, claim.id).first()).toHaveAttribute("style", /--claim-color: #c2410c/u);
    await expect(page.locator(`#claim-summary-${claim.id}`)).toContainText("Verdict: Mostly false");
  }
  await expect(bobSection.getByTestId("published-verdict")).toContainText("Published on");
  await expect(bobSection.getByTestId("verdict-updated")).toHaveCount(0);

  // The claim list names the verdict too.
  await bob.getByRole("button", { name: "Back to all claims" }).click();
  await expect(claimListEntry(bob, claim.id)).toContainText("Verdict: Mostly false");
  await claimListEntry(bob, claim.id).click();

  // A correction: Bob proposes "False", Carol confirms that she publishes a correction.
  await proposeVerdict(bob, claim.id, "False", "Het Kremlin sprak het later ook zelf tegen.");
  await expect(verdictBadge(bob, claim.id)).toHaveText("Mostly false");
  await expect(carolSection.getByTestId("verdict-proposal")).toContainText("Het Kremlin sprak het later ook zelf tegen.");
  await carolSection.getByRole("button", { name: "Publish verdict" }).click();
  const confirm = carolPage.getByRole("alertdialog", { name: "Publish a correction?" });
  await expect(confirm).toContainText("Updated on");
  await confirm.getByRole("button", { name: "Publish correction" }).click();

  for (const page of [carolPage, bob]) {
    const section = verdictSection(page, claim.id);
    await expect(section.getByTestId("verdict-updated")).toContainText("Updated on");
    await expect(section.getByTestId("published-verdict")).toContainText("Het Kremlin sprak het later ook zelf tegen.");
    await expect(verdictBadge(page, claim.id)).toHaveText("False");
    await expect(verdictBadge(page, claim.id)).toHaveCSS("background-color", falseColor);
  }
  // The first verdict is kept, behind "1 earlier version".
  const earlier = verdictSection(bob, claim.id).getByText("1 earlier version");
  await earlier.click();
  await expect(verdictSection(bob, claim.id).getByTestId("published-verdict")).toContainText("Rusland zag het Turkse optreden niet als bedreiging");

  await bobContext.close();
  await carolContext.close();
});

test("the owner relabels and recolours a rating on the scale page; members read it, and the article shows the new words", async ({ browser, page, team }) => {
  const carol = await addModerator(team);
  const bobContext = await signedInContext(browser, team.bob);
  const claim = await createClaimThroughApi(bobContext.request, team, "Weinig opties", []);
  expect((await bobContext.request.put(`/api/claims/${claim.id}/verdict`, { data: { rating: "mostly_false", summary: "Er waren er meer." } })).status()).toBe(200);
  const carolContext = await signedInContext(browser, carol);
  expect((await carolContext.request.post(`/api/claims/${claim.id}/verdict/publish`)).status()).toBe(200);

  // Alice, the owner, edits the scale from the team's tab.
  await signInThroughApi(page.context(), team.alice);
  await page.goto(`/teams/${team.teamId}`);
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Ratings" }).click();
  await expect(page.getByRole("heading", { name: "Rating scale" })).toBeVisible();
  await page.getByRole("button", { name: "Edit labels and colours" }).click();
  const row = page.locator('[data-rating-key="mostly_false"]');
  await row.getByLabel("Label for “Mostly false”").fill("Klopt grotendeels niet");
  await row.getByRole("radiogroup", { name: "Palette colours for “Mostly false”" }).getByRole("radio", { name: "Magenta" }).click();
  await page.getByRole("button", { name: "Save scale" }).click();
  await expect(page.locator('[data-rating-key="mostly_false"]')).toContainText("Klopt grotendeels niet");
  await expect(page.getByRole("status").filter({ hasText: "Rating scale saved." })).toBeAttached();

  // Bob reads the scale, without an edit button, and his article shows the new label in the new colour.
  const bob = await bobContext.newPage();
  await bob.goto(`/teams/${team.teamId}/ratings`);
  await expect(bob.locator('[data-rating-key="mostly_false"]')).toContainText("Klopt grotendeels niet");
  await expect(bob.getByRole("button", { name: "Edit labels and colours" })).toHaveCount(0);
  await watchDocument(bob, team.documentUrl);
  await expect(verdictBadge(bob, claim.id)).toHaveText("Klopt grotendeels niet");
  await expect(verdictBadge(bob, claim.id)).toHaveCSS("background-color", "rgb(190, 24, 93)"); // #be185d
  await expect(claimMarks(bob, claim.id).first()).toHaveAttribute("style", /--claim-color: #be185d/u);

  await bobContext.close();
  await carolContext.close();
});

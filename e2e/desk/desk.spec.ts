import type { Page } from "@playwright/test";

import { articleReader } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { createClaimThroughApi } from "../fixtures/moderation";
import { expect, test, type TeamFixture } from "../fixtures/team";
import { getTestDb } from "../../lib/testing/factories";

/**
 * The desk: a team's claims in one place, filtered and searched with the filters in the URL, as a list and as a
 * board by status; a card opens its claim in its document.
 */

const quotes = {
  weapons: "veel wapens verkocht aan Azerbeidzjan",
  drones: "De drones hebben de dynamiek van het conflict veranderd",
  turkish: "Het Turkse optreden bedreigt de Russische machtspositie in de regio.",
} as const;

type Claims = Record<keyof typeof quotes, string>;

async function setUpClaims(page: Page, team: TeamFixture): Promise<Claims> {
  const claims = {} as Claims;
  for (const [name, quote] of Object.entries(quotes) as [keyof typeof quotes, string][]) {
    claims[name] = (await createClaimThroughApi(page.request, team, quote, name === "drones" ? ["military"] : [])).id;
  }
  // Where a check stands is set directly: changing it is another part of the desk.
  await getTestDb().claim.update({ where: { id: claims.drones }, data: { status: "CHECKING", assigneeId: team.alice.userId } });
  return claims;
}

const cards = (page: Page) => page.locator("main li[data-claim-id]");

test("the desk lists the team's claims; status and search filters narrow them and live in the URL; the board has a column per status; a card opens its claim", async ({
  page,
  context,
  team,
}) => {
  await signInThroughApi(context, team.alice);
  const claims = await setUpClaims(page, team);
  const deskUrl = `/teams/${team.teamId}/desk`;

  await page.goto(`/teams/${team.teamId}`);
  await page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Desk" }).click();
  await expect(page).toHaveURL(new RegExp(`${deskUrl}$`));
  await expect(page.getByRole("navigation", { name: "Team" }).getByRole("link", { name: "Desk" })).toHaveAttribute("aria-current", "page");
  await expect(cards(page)).toHaveCount(3);
  await expect(page.getByTestId("desk-total")).toHaveText("3 claims");
  // Newest first.
  await expect(cards(page).first()).toHaveAttribute("data-claim-id", claims.turkish);
  await expect(cards(page).first().locator("[lang=nl]").first()).toHaveText(quotes.turkish);

  const filters = page.getByRole("search", { name: "Filter claims" });
  await filters.getByLabel("Status").selectOption("checking");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]status=checking(&|$)/u);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toHaveAttribute("data-claim-id", claims.drones);
  await expect(cards(page).first()).toContainText("Alice Test");

  await filters.getByLabel("Status").selectOption("");
  await filters.getByRole("searchbox", { name: "Search claims" }).fill("wapen azerbeidzjan");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/[?&]q=wapen\+azerbeidzjan(&|$)/u);
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toHaveAttribute("data-claim-id", claims.weapons);

  await page.reload();
  await expect(filters.getByRole("searchbox", { name: "Search claims" })).toHaveValue("wapen azerbeidzjan");
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first()).toHaveAttribute("data-claim-id", claims.weapons);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(cards(page)).toHaveCount(3);
  await page.getByRole("navigation", { name: "View" }).getByRole("link", { name: "Board" }).click();
  await expect(page).toHaveURL(/[?&]view=board(&|$)/u);
  for (const [status, heading] of [
    ["open", "Open (2)"],
    ["checking", "Checking (1)"],
    ["checked", "Checked (0)"],
    ["not_checkable", "Not checkable (0)"],
  ] as const) {
    await expect(page.locator(`section[data-column="${status}"]`).getByRole("heading", { level: 3 })).toHaveText(heading);
  }
  const checkingColumn = page.locator('section[data-column="checking"]');
  await expect(checkingColumn.locator("li[data-claim-id]")).toHaveCount(1);
  await expect(page.locator('section[data-column="open"] li[data-claim-id]')).toHaveCount(2);

  // "Assigned to me" keeps the board.
  await page.getByRole("link", { name: "Assigned to me" }).click();
  await expect(page).toHaveURL(/assignee=me/u);
  await expect(page).toHaveURL(/view=board/u);
  await expect(cards(page)).toHaveCount(1);

  await checkingColumn.getByRole("link", { name: quotes.drones }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${team.documentId}\\?claim=${claims.drones}$`));
  await expect(articleReader(page)).toBeVisible();
  await expect(page.locator(`[data-open-claim-id="${claims.drones}"]`)).toBeVisible();
});

test("a search that matches nothing says so, and Load more continues the list", async ({ page, context, team }) => {
  await signInThroughApi(context, team.bob);
  await setUpClaims(page, team);
  await page.goto(`/teams/${team.teamId}/desk?q=zeppelin`);
  await expect(page.getByText("No claims match these filters")).toBeVisible();

  await page.goto(`/teams/${team.teamId}/desk?limit=2`);
  await expect(cards(page)).toHaveCount(2);
  await page.getByRole("link", { name: "Load more" }).click();
  await expect(cards(page)).toHaveCount(3);
  await expect(page.getByRole("link", { name: "Load more" })).toHaveCount(0);
  await expect(page.getByText("Showing 3 of 3")).toBeVisible();
});

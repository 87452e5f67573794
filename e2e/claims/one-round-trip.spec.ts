import type { Page } from "@playwright/test";

import { selectWithMouse } from "../fixtures/article";
import { claimListEntry, claimMarks, watchDocument } from "../fixtures/live";
import { createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

/** Every JSON API request a page makes (not its live stream), as "METHOD /path". */
function recordApiRequests(page: Page): string[] {
  const requests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith("/api/") && !url.pathname.endsWith("/events")) requests.push(`${request.method()} ${url.pathname}`);
  });
  return requests;
}

const count = (requests: readonly string[], request: string) => requests.filter((item) => item === request).length;

test("a claim is created with its tags in one request, and the page never reads its own changes back", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const alice = await aliceContext.newPage();
  await watchDocument(alice, team.documentUrl);
  const requests = recordApiRequests(alice);

  // A change by Bob after each of Alice's: events are applied in order, so once his shows on her page, her own
  // change's event has been handled too, and any read it caused would have been made.
  const barrierQuotes = ["Weinig opties", "wapenstilstand te bewerkstelligen", "Voor Poetin is het opgelaaide conflict dus een wake up call."];
  const afterAliceChangeIsHandled = async () => {
    const bobClaim = await createClaimThroughApi(bobContext.request, team, barrierQuotes.shift()!);
    await expect(claimMarks(alice, bobClaim.id).first()).toBeAttached();
  };

  // Alice selects a passage, picks its tags in the composer, and highlights it.
  await selectWithMouse(alice, "Zaterdagnacht, amper twaalf uur na de aankondiging");
  const newClaimTags = alice.getByRole("group", { name: "Tags for the new claim" });
  await newClaimTags.getByRole("button", { name: "military", exact: true }).click();
  await newClaimTags.getByRole("button", { name: "energy", exact: true }).click();
  await expect(newClaimTags.getByRole("button", { name: "energy", exact: true })).toHaveAttribute("aria-pressed", "true");
  await alice.getByRole("button", { name: "Highlight claim" }).click();
  const claimId = (await alice.locator("[data-open-claim-id]").getAttribute("data-open-claim-id"))!;
  const claimTags = alice.getByRole("group", { name: "Tags of this claim" });
  await expect(claimTags.getByRole("button", { name: "military", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(claimTags.getByRole("button", { name: "energy", exact: true })).toHaveAttribute("aria-pressed", "true");
  // The composer's choice is used up: the next passage starts without tags.
  await expect(newClaimTags).toHaveCount(0);
  await afterAliceChangeIsHandled();

  expect(count(requests, `POST /api/documents/${team.documentId}/claims`)).toBe(1);
  expect(count(requests, `PATCH /api/claims/${claimId}`)).toBe(0);
  expect(count(requests, `GET /api/claims/${claimId}`)).toBe(0);
  expect(count(requests, `GET /api/documents/${team.documentId}/claims`)).toBe(0);

  // Retagging in the panel: one PATCH, and its answer is all the page reads.
  await claimTags.getByRole("button", { name: "diplomatic", exact: true }).click();
  await expect(claimTags.getByRole("button", { name: "diplomatic", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => count(requests, `PATCH /api/claims/${claimId}`)).toBe(1);
  await afterAliceChangeIsHandled();
  expect(count(requests, `GET /api/claims/${claimId}`)).toBe(0);
  expect(count(requests, `GET /api/documents/${team.documentId}/claims`)).toBe(0);

  // A comment: one POST; the thread (read once, when the panel opened) and the claim are not read again, and the
  // list's comment count follows from the thread.
  const threadReads = count(requests, `GET /api/claims/${claimId}/comments`);
  expect(threadReads).toBe(1);
  await alice.getByLabel("Comment", { exact: true }).fill("Welke centrale bedoelen ze?");
  await alice.getByRole("button", { name: "Post" }).click();
  await expect(alice.getByRole("region", { name: "Discussion" }).getByText("Welke centrale bedoelen ze?")).toBeVisible();
  await afterAliceChangeIsHandled();
  expect(count(requests, `POST /api/claims/${claimId}/comments`)).toBe(1);
  expect(count(requests, `GET /api/claims/${claimId}/comments`)).toBe(threadReads);
  expect(count(requests, `GET /api/claims/${claimId}`)).toBe(0);
  expect(count(requests, `GET /api/documents/${team.documentId}/claims`)).toBe(0);
  await alice.getByRole("button", { name: "Back to all claims" }).click();
  await expect(claimListEntry(alice, claimId)).toContainText("1 comment");
  await expect(claimListEntry(alice, claimId)).toContainText("diplomatic");

  // The other member sees the claim as it is, tags and comment included.
  const bob = await bobContext.newPage();
  await watchDocument(bob, team.documentUrl);
  await expect(claimListEntry(bob, claimId)).toContainText("energy");
  await expect(claimListEntry(bob, claimId)).toContainText("1 comment");

  await aliceContext.close();
  await bobContext.close();
});

import { articleReader, highlightedText, openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { createClaimThroughApi } from "../fixtures/moderation";
import { startSecondInstance } from "../fixtures/second-instance";
import { expect, test } from "../fixtures/team";

// Two `next start` processes on one database: each delivers what was written through the other, because the
// change's NOTIFY wakes every instance and each reads the event log itself.
test("a change made through one app instance is seen live through another", async ({ browser, team, baseURL }) => {
  test.setTimeout(120_000);
  let second = await startSecondInstance();
  try {
    const aliceContext = await browser.newContext({ baseURL });
    const bobContext = await browser.newContext({ baseURL: second.baseURL });
    await signInThroughApi(aliceContext, team.alice);
    await signInThroughApi(bobContext, team.bob);
    const alice = await aliceContext.newPage();
    const bob = await bobContext.newPage();
    await openDocument(alice, team.documentUrl);
    await openDocument(bob, team.documentUrl);
    expect(new URL(bob.url()).origin).toBe(second.baseURL);
    await expect(alice.locator("[data-live-status]")).toHaveAttribute("data-live-status", "live");
    await expect(bob.locator("[data-live-status]")).toHaveAttribute("data-live-status", "live");

    // Presence crosses instances too: each sees the other.
    await expect(alice.getByLabel("People viewing this document")).toContainText("Bob Test");
    await expect(bob.getByLabel("People viewing this document")).toContainText("Alice Test");

    // Alice writes through instance 1; Bob, on instance 2, sees the highlight without a reload.
    await bob.evaluate(() => ((window as unknown as { liveMarker: string }).liveMarker = "not reloaded"));
    const quote = "Verdeel-en-heers";
    const claim = await createClaimThroughApi(aliceContext.request, team, quote, ["diplomatic"]);
    const bobMark = articleReader(bob).locator(`mark[data-claim-ids~="${claim.id}"]`).first();
    await expect(bobMark).toBeAttached();
    expect(await highlightedText(bob, claim.id)).toBe(quote);
    await expect(bob.getByRole("complementary").locator(`button[data-claim-id="${claim.id}"]`)).toContainText("diplomatic");

    // Bob comments through instance 2; Alice, on instance 1, sees the count change without a reload.
    const response = await bobContext.request.post(`/api/claims/${claim.id}/comments`, { data: { body: "Via de tweede instantie." } });
    expect(response.status()).toBe(201);
    await expect(alice.getByRole("complementary").locator(`button[data-claim-id="${claim.id}"]`)).toContainText("1 comment");
    expect(await bob.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe("not reloaded");

    // Bob's instance goes down, as in a deploy: it stops on SIGTERM at once although his stream is open (the hub
    // ends its streams), and his page says it is reconnecting.
    expect(await second.stop()).toEqual({ exitedGracefully: true });
    await expect(bob.locator("[data-live-status]")).toHaveAttribute("data-live-status", "reconnecting");

    // Alice goes on through instance 1 meanwhile; when Bob's instance is back, his page replays what it missed.
    const missed = await createClaimThroughApi(aliceContext.request, team, "Weinig opties", ["military"]);
    await expect(articleReader(bob).locator(`mark[data-claim-ids~="${missed.id}"]`)).toHaveCount(0);
    second = await startSecondInstance();
    await expect(bob.locator("[data-live-status]")).toHaveAttribute("data-live-status", "live", { timeout: 30_000 });
    await expect(articleReader(bob).locator(`mark[data-claim-ids~="${missed.id}"]`).first()).toBeAttached();
    await expect(bob.getByRole("complementary").locator("button[data-claim-id]")).toHaveCount(2);
    expect(await bob.evaluate(() => (window as unknown as { liveMarker?: string }).liveMarker)).toBe("not reloaded");

    await aliceContext.close();
    await bobContext.close();
  } finally {
    await second.stop();
  }
});

import { addModerator, commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

test("Bob's bell counts the hidden comment, lists it with the reason, links to the claim, and is cleared by opening it", async ({
  browser,
  team,
}) => {
  const carol = await addModerator(team);
  const bobContext = await signedInContext(browser, team.bob);
  const carolContext = await signedInContext(browser, carol);
  const claim = await createClaimThroughApi(bobContext.request, team, "Weinig opties");
  const comment = await commentThroughApi(bobContext.request, claim.id, "Mijn bron is de buurman");
  const hidden = await carolContext.request.post(`/api/comments/${comment.id}/hide`, { data: { reason: "Geen bron" } });
  expect(hidden.status()).toBe(200);

  const page = await bobContext.newPage();
  await page.goto("/documents");
  const bell = page.getByRole("banner").getByRole("button", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await bell.click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  const entry = popover.getByRole("link", { name: /Carol Moderator hid your comment “Mijn bron is de buurman”.*: Geen bron/ });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("img", { name: "New" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  expect((await (await bobContext.request.get("/api/notifications")).json()).unreadCount).toBe(0);

  await entry.click();
  await expect(page).toHaveURL(new RegExp(`/documents/${team.documentId}\\?claim=${claim.id}$`));
  await expect(page.locator(`[data-comment-id="${comment.id}"]`).getByText("Hidden by a moderator")).toBeVisible();

  await bobContext.close();
  await carolContext.close();
});

import type { Locator } from "@playwright/test";

import { articleReader, openDocument } from "../fixtures/article";
import { addModerator, commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";
import { getTestDb } from "../../lib/testing/factories";

const secret = "Mijn bron is Jan Jansen van het ministerie";
const reason = "Noemt een bron bij naam";

/** A comment item without its replies (which are nested inside it and have buttons of their own). */
const own = (item: Locator) => item.locator(":scope > :not(ul)");

test("a moderator hides Bob's comment with a reason: Bob sees the placeholder and is notified, the owner's audit log has it, unhide restores it", async ({
  browser,
  team,
}) => {
  const carol = await addModerator(team);
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const carolContext = await signedInContext(browser, carol);
  const claim = await createClaimThroughApi(bobContext.request, team, "Weinig opties");
  const comment = await commentThroughApi(bobContext.request, claim.id, secret);
  const reply = await commentThroughApi(aliceContext.request, claim.id, "En hij bevestigt het.", comment.id);
  const claimUrl = `${team.documentUrl}?claim=${claim.id}`;

  // Carol, a moderator, hides Bob's comment through the dialog.
  const carolPage = await carolContext.newPage();
  await openDocument(carolPage, claimUrl);
  const carolItem = carolPage.locator(`[data-comment-id="${comment.id}"]`);
  await expect(carolItem).toContainText(secret);
  await own(carolItem).getByRole("button", { name: "Hide", exact: true }).click();
  const dialog = carolPage.getByRole("dialog", { name: "Hide this comment?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(dialog.getByRole("alert")).toHaveText("Give a reason for hiding it");
  await dialog.getByLabel("Reason").fill(`  ${reason}  `);
  await dialog.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(dialog).toBeHidden();

  // She still reads it, greyed, under a "Hidden" banner with her reason and "Unhide".
  await expect(carolItem.getByText("Hidden", { exact: true })).toBeVisible();
  await expect(carolItem).toContainText(reason);
  await expect(carolItem).toContainText("by Carol Moderator");
  await expect(carolItem).toContainText(secret);
  await expect(own(carolItem).getByRole("button", { name: "Unhide" })).toBeVisible();
  await expect(own(carolItem).getByRole("button", { name: "Hide", exact: true })).toHaveCount(0);

  // Bob sees "Hidden by a moderator" in its place, with the reason (it is his), and the reply under it.
  const bobPage = await bobContext.newPage();
  await openDocument(bobPage, claimUrl);
  const bobItem = bobPage.locator(`[data-comment-id="${comment.id}"]`);
  await expect(bobItem.getByText("Hidden by a moderator")).toBeVisible();
  await expect(bobItem).toContainText(reason);
  await expect(bobPage.locator(`[data-comment-id="${reply.id}"]`)).toContainText("En hij bevestigt het.");
  await expect(bobPage.getByText(secret)).toHaveCount(0);
  await expect(own(bobItem).getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(own(bobItem).getByRole("button", { name: "Reply" })).toHaveCount(0);
  await expect(own(bobItem).getByRole("button", { name: "Unhide" })).toHaveCount(0);
  // His own comment: he may still delete it.
  await expect(own(bobItem).getByRole("button", { name: "Delete" })).toBeVisible();
  // The server withheld the text, not just the page.
  expect(await bobPage.content()).not.toContain(secret);
  const thread = (await (await bobContext.request.get(`/api/claims/${claim.id}/comments`)).json()) as {
    items: { id: string; body: string | null; hidden: Record<string, unknown> | null }[];
  };
  const hidden = thread.items.find((item) => item.id === comment.id);
  expect(hidden?.body).toBeNull();
  expect(Object.keys(hidden?.hidden ?? {}).sort()).toEqual(["at", "reason"]);
  expect(JSON.stringify(thread)).not.toContain(secret);

  // Bob's notification carries the reason; he cannot unhide or edit his way around it.
  const notifications = await (await bobContext.request.get("/api/notifications")).json();
  expect(notifications.unreadCount).toBe(1);
  expect(notifications.items[0]).toMatchObject({
    kind: "comment.hidden",
    readAt: null,
    payload: { moderatorName: "Carol Moderator", reason, claimId: claim.id, documentId: team.documentId, excerpt: secret },
  });
  expect((await bobContext.request.delete(`/api/comments/${comment.id}/hide`)).status()).toBe(403);
  expect((await bobContext.request.patch(`/api/comments/${comment.id}`, { data: { body: "Omzeild" } })).status()).toBe(403);
  expect((await bobContext.request.post(`/api/comments/${comment.id}/hide`, { data: { reason: "Zelf" } })).status()).toBe(403);

  // The owner finds it in the audit log, recorded with who, whose and why.
  const [event] = await getTestDb().auditEvent.findMany({ where: { teamId: team.teamId, targetId: comment.id } });
  expect(event).toMatchObject({ action: "comment.hidden", actorId: carol.userId, details: { authorName: "Bob Test", reason } });

  // Carol unhides it; Bob sees his comment again after a reload.
  await own(carolItem).getByRole("button", { name: "Unhide" }).click();
  await expect(carolItem.getByText("Hidden", { exact: true })).toHaveCount(0);
  await expect(own(carolItem).getByRole("button", { name: "Hide", exact: true })).toBeVisible();
  await bobPage.reload();
  await expect(articleReader(bobPage)).toBeVisible();
  await expect(bobPage.locator(`[data-comment-id="${comment.id}"]`)).toContainText(secret);
  await expect(bobPage.getByText("Hidden by a moderator")).toHaveCount(0);
  const actions = await getTestDb().auditEvent.findMany({ where: { targetId: comment.id }, orderBy: { createdAt: "asc" } });
  expect(actions.map((item) => item.action)).toEqual(["comment.hidden", "comment.unhidden"]);

  await aliceContext.close();
  await bobContext.close();
  await carolContext.close();
});

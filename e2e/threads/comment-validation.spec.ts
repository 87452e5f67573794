import { openDocument, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

test("empty and over-long comments get a clear message and nothing is saved; authors edit and delete their own", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);
  await selectWithMouse(page, "Weinig opties");
  await page.getByRole("button", { name: "Highlight claim" }).click();
  const thread = page.getByRole("region", { name: "Discussion" });
  await expect(thread.getByText("No comments yet.")).toBeVisible();

  await thread.getByRole("button", { name: "Post" }).click();
  await expect(thread.getByRole("alert")).toHaveText("Write something before you post.");

  await thread.getByLabel("Comment", { exact: true }).fill("x".repeat(5001));
  await thread.getByRole("button", { name: "Post" }).click();
  await expect(thread.getByRole("alert")).toHaveText("A comment has at most 5,000 characters.");
  await expect(thread.getByText("No comments yet.")).toBeVisible();

  // A user-typed HTML string is shown as text, never parsed.
  const htmlLike = '<img src=x onerror="window.__pwned=1"><b>bold?</b>';
  await thread.getByLabel("Comment", { exact: true }).fill(htmlLike);
  await thread.getByRole("button", { name: "Post" }).click();
  await expect(thread.getByRole("listitem").getByText(htmlLike)).toBeVisible();
  await expect(thread.getByLabel("Comment", { exact: true })).toHaveValue("");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(thread.locator("b")).toHaveCount(0);

  // Edit, then delete (with confirmation).
  await thread.getByRole("button", { name: "Edit" }).click();
  await thread.getByLabel("Edit comment").fill("Bewerkte opmerking");
  await thread.getByRole("button", { name: "Save" }).click();
  await expect(thread.getByText("Bewerkte opmerking")).toBeVisible();
  await expect(thread.getByText("· edited")).toBeVisible();
  await thread.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete comment" }).click();
  await expect(thread.getByText("Bewerkte opmerking")).toHaveCount(0);
  await expect(thread.getByText("No comments yet.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("region", { name: "Discussion" }).getByText("No comments yet.")).toBeVisible();
});

test("another member cannot edit or delete my comment: the buttons are absent and the API refuses", async ({ browser, team }) => {
  const aliceContext = await browser.newContext();
  const bobContext = await browser.newContext();
  await signInThroughApi(aliceContext, team.alice);
  await signInThroughApi(bobContext, team.bob);
  const alice = await aliceContext.newPage();
  await openDocument(alice, team.documentUrl);
  await selectWithMouse(alice, "Verdeel-en-heers");
  await alice.getByRole("button", { name: "Highlight claim" }).click();
  await alice.getByLabel("Comment", { exact: true }).fill("Van Alice");
  await alice.getByRole("button", { name: "Post" }).click();
  const comment = alice.locator("[data-comment-id]").first();
  await expect(comment).toContainText("Van Alice");
  const commentId = (await comment.getAttribute("data-comment-id"))!;
  const claimId = (await alice.locator("[data-open-claim-id]").getAttribute("data-open-claim-id"))!;

  const bob = await bobContext.newPage();
  await openDocument(bob, `${team.documentUrl}?claim=${claimId}`);
  const bobThread = bob.getByRole("region", { name: "Discussion" });
  await expect(bobThread.getByText("Van Alice")).toBeVisible();
  await expect(bobThread.getByRole("button", { name: "Edit" })).toHaveCount(0);
  await expect(bobThread.getByRole("button", { name: "Delete" })).toHaveCount(0);
  const edit = await bobContext.request.patch(`/api/comments/${commentId}`, { data: { body: "Van Bob" } });
  expect(edit.status()).toBe(403);
  const remove = await bobContext.request.delete(`/api/comments/${commentId}`);
  expect(remove.status()).toBe(403);
  await aliceContext.close();
  await bobContext.close();
});

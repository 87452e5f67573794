import { randomUUID } from "node:crypto";

import { articleReader, openDocument } from "../fixtures/article";
import { addModerator, commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

const quote = "Het Turkse optreden bedreigt de Russische machtspositie in de regio.";
const reason = "Dubbel met een andere claim";

test("a hidden claim is not drawn for members, is listed as a placeholder, and its thread is closed; moderators keep it greyed with Unhide", async ({
  browser,
  team,
}) => {
  const carol = await addModerator(team);
  const bobContext = await signedInContext(browser, team.bob);
  const carolContext = await signedInContext(browser, carol);
  const claim = await createClaimThroughApi(bobContext.request, team, quote, ["military"]);
  await commentThroughApi(bobContext.request, claim.id, "Bron: persbericht");
  const visible = await createClaimThroughApi(bobContext.request, team, "Weinig opties");

  const carolPage = await carolContext.newPage();
  await openDocument(carolPage, `${team.documentUrl}?claim=${claim.id}`);
  await carolPage.getByRole("button", { name: "Hide claim" }).click();
  const dialog = carolPage.getByRole("dialog", { name: "Hide this claim?" });
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(dialog).toBeHidden();
  const panel = carolPage.locator(`[data-open-claim-id="${claim.id}"]`);
  await expect(panel.getByText("Hidden", { exact: true })).toBeVisible();
  await expect(panel).toContainText(reason);
  await expect(panel).toContainText(quote);
  await expect(panel.getByRole("region", { name: "Discussion" })).toContainText("Bron: persbericht");
  await expect(articleReader(carolPage).locator(`mark[data-claim-ids~="${claim.id}"]`).first()).toBeVisible();

  // Bob: no highlight for it, a placeholder in the list, and the panel says why (his claim) without the thread.
  const bobPage = await bobContext.newPage();
  await openDocument(bobPage, team.documentUrl);
  await expect(articleReader(bobPage).locator(`mark[data-claim-ids~="${visible.id}"]`).first()).toBeVisible();
  await expect(articleReader(bobPage).locator(`mark[data-claim-ids~="${claim.id}"]`)).toHaveCount(0);
  const entry = bobPage.getByRole("list", { name: "Hidden claims" }).locator(`button[data-claim-id="${claim.id}"]`);
  await expect(entry).toContainText("Hidden by a moderator");
  await expect(entry).not.toContainText("military");
  const listed = await (await bobContext.request.get(`/api/documents/${team.documentId}/claims`)).json();
  expect(JSON.stringify(listed.items.find((item: { id: string }) => item.id === claim.id))).not.toContain("Turkse");
  await entry.click();
  const bobPanel = bobPage.locator(`[data-open-claim-id="${claim.id}"]`);
  await expect(bobPanel.getByText("Hidden by a moderator")).toBeVisible();
  await expect(bobPanel).toContainText(reason);
  await expect(bobPanel.getByRole("region", { name: "Discussion" })).toHaveCount(0);
  await expect(bobPanel.getByRole("button", { name: "Delete claim" })).toBeVisible();
  await expect(bobPanel.getByRole("button", { name: "Unhide" })).toHaveCount(0);

  // The API withholds the same for Bob, and refuses what the page does not offer.
  const asBob = await (await bobContext.request.get(`/api/claims/${claim.id}`)).json();
  expect(asBob).toMatchObject({ target: null, tags: [], hidden: { reason }, abilities: { canComment: false, canHide: false, canUnhide: false } });
  expect((await bobContext.request.get(`/api/claims/${claim.id}/comments`)).status()).toBe(404);
  expect((await bobContext.request.post(`/api/claims/${claim.id}/comments`, { data: { body: "Waarom?" } })).status()).toBe(403);
  expect((await bobContext.request.delete(`/api/claims/${claim.id}/hide`)).status()).toBe(403);

  // Carol unhides it from the list entry's panel; Bob's reload shows the highlight again.
  await panel.getByRole("button", { name: "Unhide" }).click();
  await expect(panel.getByText("Hidden", { exact: true })).toHaveCount(0);
  await bobPage.reload();
  await expect(articleReader(bobPage).locator(`mark[data-claim-ids~="${claim.id}"]`).first()).toBeVisible();

  await bobContext.close();
  await carolContext.close();
});

test("the hide endpoints: 401 without a session, 404 for unknown ids, 422 for a bad reason, 409 twice, 403 for members", async ({
  request,
  browser,
  team,
}) => {
  const id = randomUUID();
  for (const url of [`/api/claims/${id}/hide`, `/api/comments/${id}/hide`]) {
    for (const method of ["POST", "DELETE"] as const) {
      const response = await request.fetch(url, { method, data: method === "POST" ? { reason: "x" } : undefined });
      expect(response.status(), `${method} ${url}`).toBe(401);
    }
  }
  const carol = await addModerator(team);
  const carolContext = await signedInContext(browser, carol);
  const bobContext = await signedInContext(browser, team.bob);
  const claim = await createClaimThroughApi(bobContext.request, team, "Weinig opties");
  const api = carolContext.request;
  expect((await api.post(`/api/claims/${id}/hide`, { data: { reason: "x" } })).status()).toBe(404);
  expect((await api.post(`/api/comments/nope/hide`, { data: { reason: "x" } })).status()).toBe(404);
  for (const body of [{ reason: "   " }, { reason: "x".repeat(501) }, {}, { reason: 5 }]) {
    const response = await api.post(`/api/claims/${claim.id}/hide`, { data: body });
    expect(response.status(), JSON.stringify(body).slice(0, 40)).toBe(422);
    expect((await response.json()).error.code).toBe("validation_failed");
  }
  expect((await bobContext.request.post(`/api/claims/${claim.id}/hide`, { data: { reason: "Zelf" } })).status()).toBe(403);
  const hidden = await api.post(`/api/claims/${claim.id}/hide`, { data: { reason: "Dubbel" } });
  expect(hidden.status()).toBe(200);
  expect(await hidden.json()).toMatchObject({ id: claim.id, hidden: { reason: "Dubbel", byName: "Carol Moderator" }, abilities: { canUnhide: true } });
  expect((await api.post(`/api/claims/${claim.id}/hide`, { data: { reason: "Nog eens" } })).status()).toBe(409);
  const restored = await api.delete(`/api/claims/${claim.id}/hide`);
  expect(restored.status()).toBe(200);
  expect((await restored.json()).hidden).toBeNull();
  expect((await api.delete(`/api/claims/${claim.id}/hide`)).status()).toBe(409);
  // A cross-site form post is refused before anything else.
  expect((await api.post(`/api/claims/${claim.id}/hide`, { data: { reason: "x" }, headers: { Origin: "https://evil.example" } })).status()).toBe(403);
  await carolContext.close();
  await bobContext.close();
});

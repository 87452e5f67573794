import { openDocument, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

test("two teams side by side never see each other's documents, claims or members", async ({ browser, team }) => {
  const { unsafeCreateTeamWithArticle, unsafeCreateUser } = await import("../../lib/testing/factories");
  const carol = await unsafeCreateUser("Carol Other");
  const dan = await unsafeCreateUser("Dan Other");
  const other = await unsafeCreateTeamWithArticle([[carol, "OWNER"], [dan, "MEMBER"]], "Other newsroom");

  // Team A's member makes a claim and a comment.
  const aliceContext = await browser.newContext();
  await signInThroughApi(aliceContext, team.alice);
  const alice = await aliceContext.newPage();
  await openDocument(alice, team.documentUrl);
  await selectWithMouse(alice, "Weinig opties");
  await alice.getByRole("button", { name: "Highlight claim" }).click();
  await alice.getByLabel("Comment", { exact: true }).fill("Alleen voor team A");
  await alice.getByRole("button", { name: "Post" }).click();
  await expect(alice.getByText("Alleen voor team A")).toBeVisible();
  const claimId = (await alice.locator("[data-open-claim-id]").getAttribute("data-open-claim-id"))!;

  // Team B's owner sees only their own team, their own (identical) article, with no claims on it.
  const carolContext = await browser.newContext();
  await signInThroughApi(carolContext, carol);
  const carolPage = await carolContext.newPage();
  await carolPage.goto("/documents");
  const documentLinks = carolPage.getByRole("link", { name: /Nagorno-Karabach/ });
  await expect(documentLinks).toHaveCount(1);
  expect(await documentLinks.getAttribute("href")).toBe(`/documents/${other.documentId}`);
  await carolPage.getByRole("button", { name: "Teams" }).click();
  await expect(carolPage.getByRole("menuitem", { name: /Other newsroom/ })).toBeVisible();
  await expect(carolPage.getByRole("menuitem", { name: /Test team/ })).toHaveCount(0);
  await carolPage.keyboard.press("Escape");
  await openDocument(carolPage, `/documents/${other.documentId}`);
  await expect(carolPage.getByRole("heading", { name: /Claims/ })).toContainText("(0)");
  await expect(carolPage.locator("mark[data-claim-id]")).toHaveCount(0);

  // Members pages list only their own team's people.
  await carolPage.goto(`/teams/${other.teamId}/members`);
  await expect(carolPage.getByRole("listitem", { name: "Dan Other" })).toBeVisible();
  await expect(carolPage.getByText("Alice Test")).toHaveCount(0);
  await alice.goto(`/teams/${team.teamId}/members`);
  await expect(alice.getByRole("listitem", { name: "Bob Test" })).toBeVisible();
  await expect(alice.getByText("Carol Other")).toHaveCount(0);

  // Every page and endpoint of team A is "not found" for team B's owner, ids swapped in by hand.
  for (const path of [team.documentUrl, `/teams/${team.teamId}`, `/teams/${team.teamId}/members`, `/teams/${team.teamId}/settings`, `/teams/${team.teamId}/audit`]) {
    const response = await carolPage.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  const api = carolContext.request;
  for (const url of [
    `/api/teams/${team.teamId}`,
    `/api/teams/${team.teamId}/members`,
    `/api/teams/${team.teamId}/documents`,
    `/api/teams/${team.teamId}/invites`,
    `/api/teams/${team.teamId}/audit`,
    `/api/documents/${team.documentId}/claims`,
    `/api/claims/${claimId}`,
    `/api/claims/${claimId}/comments`,
  ]) {
    expect((await api.get(url)).status(), url).toBe(404);
  }
  expect((await api.post(`/api/teams/${team.teamId}/invites`, { data: { role: "MEMBER" } })).status()).toBe(404);
  expect((await api.patch(`/api/teams/${team.teamId}/members/${team.bob.userId}`, { data: { role: "VIEWER" } })).status()).toBe(404);
  expect((await api.delete(`/api/teams/${team.teamId}/members/${team.bob.userId}`)).status()).toBe(404);
  expect((await api.patch(`/api/teams/${team.teamId}`, { data: { name: "Overgenomen" } })).status()).toBe(404);

  await aliceContext.close();
  await carolContext.close();
});

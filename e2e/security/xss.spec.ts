import { openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";
import { xssPayloads } from "../fixtures/xss-payloads";
import { watchForInjectedScript } from "../fixtures/xss-watch";
import { tagPalette } from "../../lib/tags/colors";

test("a corpus of XSS payloads as comment bodies, tag names, display names and team names renders inert", async ({ browser, team, baseURL }) => {
  test.setTimeout(120_000);
  expect(xssPayloads.length).toBeGreaterThanOrEqual(30);
  expect(new Set(xssPayloads.map((payload) => payload.toLowerCase())).size, "payloads are distinct").toBe(xssPayloads.length);
  const { getTestDb, unsafeCreateUser } = await import("../../lib/testing/factories");
  const db = getTestDb();

  // Display names: members whose names are payloads.
  const namedUsers = [];
  for (const payload of xssPayloads.filter((text) => text.length <= 80).slice(0, 12)) {
    const user = await unsafeCreateUser("Placeholder");
    await db.user.update({ where: { id: user.userId }, data: { name: payload } });
    await db.membership.create({ data: { teamId: team.teamId, userId: user.userId, role: "MEMBER" } });
    namedUsers.push({ ...user, name: payload });
  }

  const aliceContext = await browser.newContext();
  await signInThroughApi(aliceContext, team.alice);
  const api = aliceContext.request;

  // Team names: teams created through the API with payload names.
  const teamNames = xssPayloads.filter((text) => text.length <= 80);
  for (const name of teamNames) expect((await api.post("/api/teams", { data: { name } })).status(), name).toBe(201);

  // Tag names, through the API.
  const tagNames = xssPayloads.filter((text) => text.trim().length > 0 && text.length <= 40);
  for (const [index, name] of tagNames.entries()) {
    const color = tagPalette[index % tagPalette.length]!.color;
    expect((await api.post(`/api/teams/${team.teamId}/tags`, { data: { name, color } })).status(), name).toBe(201);
  }

  // A claim tagged with the first payload tags; every payload as a comment, by Alice and by the payload-named members.
  const exact = "Weinig opties";
  const start = team.documentText.indexOf(exact);
  const claim = await (
    await api.post(`/api/documents/${team.documentId}/claims`, {
      data: {
        target: { selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + exact.length }] },
        tags: tagNames.slice(0, 5),
      },
    })
  ).json();
  for (const body of xssPayloads) expect((await api.post(`/api/claims/${claim.id}/comments`, { data: { body } })).status(), body).toBe(201);
  for (const user of namedUsers) {
    await db.comment.create({ data: { claimId: claim.id, authorId: user.userId, body: `Opmerking van ${user.name}` } });
  }
  // Membership changes put the names into the audit log too.
  await api.patch(`/api/teams/${team.teamId}/members/${namedUsers[0]!.userId}`, { data: { role: "VIEWER" } });

  const page = await aliceContext.newPage();
  const watcher = watchForInjectedScript(page, baseURL!);

  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
  const thread = page.getByRole("region", { name: "Discussion" });
  for (const body of xssPayloads) await expect(thread.getByText(body, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("group", { name: "Tags of this claim" }).getByRole("button")).toHaveCount(4 + tagNames.length);
  await watcher.assertInert("document view");

  await page.getByRole("button", { name: "Back to all claims" }).click();
  await expect(page.getByLabel("Filter by tag").locator("option")).toHaveCount(1 + 4 + tagNames.length);
  await watcher.assertInert("claims list");

  await page.goto(`/teams/${team.teamId}/members`);
  for (const user of namedUsers) await expect(page.getByRole("listitem", { name: user.name, exact: true })).toBeVisible();
  await watcher.assertInert("members page");

  await page.getByRole("button", { name: /Test team/ }).click();
  for (const name of teamNames.slice(0, 10)) await expect(page.getByRole("menuitem", { name, exact: false }).first()).toBeAttached();
  await page.keyboard.press("Escape");
  await watcher.assertInert("team switcher");

  await page.goto("/documents");
  await watcher.assertInert("documents page");

  await page.goto(`/teams/${team.teamId}/audit`);
  await expect(page.locator("tr[data-audit-action='member.role_changed']")).toContainText(namedUsers[0]!.name);
  await watcher.assertInert("audit log");

  await page.goto(`/teams/${team.teamId}/tags`);
  for (const name of tagNames.slice(0, 10)) await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
  await watcher.assertInert("tags page");

  await aliceContext.close();
});

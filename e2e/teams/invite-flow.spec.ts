import { randomUUID } from "node:crypto";

import { openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

test("an owner invites by link; a new person signs up through it, joins, and loses access when removed", async ({ browser, team }) => {
  const ownerContext = await browser.newContext();
  await signInThroughApi(ownerContext, team.alice);
  const owner = await ownerContext.newPage();
  await owner.goto(`/teams/${team.teamId}/members`);
  await owner.getByLabel("Invite as").selectOption("MEMBER");
  await owner.getByLabel("Expires after").selectOption("24");
  await owner.getByRole("button", { name: "Create invitation" }).click();
  const code = (await owner.getByTestId("invite-code").textContent())!.trim();
  const link = (await owner.getByTestId("invite-link").textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/u);
  expect(link).toMatch(new RegExp(`/join/${code}$`, "u"));

  // A newcomer opens the link without an account: sign in → create one → back to the invitation.
  const newcomerContext = await browser.newContext();
  const newcomer = await newcomerContext.newPage();
  await newcomer.goto(new URL(link).pathname);
  await expect(newcomer).toHaveURL(/\/sign-in\?callbackUrl=%2Fjoin%2F/u);
  await newcomer.getByRole("link", { name: "Create one" }).click();
  await newcomer.getByLabel("Name").fill("Nina Nieuw");
  await newcomer.getByLabel("Email").fill(`nina.${randomUUID().slice(0, 8)}@example.test`);
  await newcomer.getByLabel("Password").fill("correct horse battery staple 42");
  await newcomer.getByRole("button", { name: "Sign up" }).click();
  await expect(newcomer.getByRole("heading", { name: /^Join / })).toBeVisible();
  await expect(newcomer.getByText("Alice Test invited you to join as a member.", { exact: false })).toBeVisible();
  // Visiting the link did not join anyone; the button does.
  await newcomer.getByRole("button", { name: /^Join / }).click();
  await expect(newcomer).toHaveURL(new RegExp(`/teams/${team.teamId}$`, "u"));
  await newcomer.getByRole("link", { name: /Nagorno-Karabach/ }).click();
  await expect(newcomer.getByRole("button", { name: "Highlight claim" })).toBeVisible();

  // The owner sees the new member and the use; changes their role to viewer; it applies on the next request.
  await owner.reload();
  const row = owner.getByRole("listitem", { name: "Nina Nieuw" });
  await expect(row).toBeVisible();
  await expect(owner.locator("tr", { hasText: code })).toContainText("1");
  await row.getByLabel("Role of Nina Nieuw").selectOption("VIEWER");
  await row.getByRole("button", { name: "Save role" }).click();
  await expect(row.getByText("Role changed.")).toBeVisible();
  await newcomer.reload();
  await expect(newcomer.getByText("your role in this team does not let you add claims")).toBeVisible();

  // Revoke the invitation: the code stops working for the next person.
  await owner.locator("tr", { hasText: code }).getByRole("button", { name: "Revoke" }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Revoke invitation" }).click();
  await expect(owner.locator("tr", { hasText: code })).toContainText("Revoked");
  const lateContext = await browser.newContext();
  const { unsafeCreateUser } = await import("../../lib/testing/factories");
  const late = await unsafeCreateUser("Late Comer");
  await signInThroughApi(lateContext, late);
  const latePage = await lateContext.newPage();
  await latePage.goto(`/join/${code}`);
  await expect(latePage.getByRole("heading", { name: "This invitation is not valid" })).toBeVisible();

  // Remove Nina: her very next request is refused.
  await owner.reload();
  await owner.getByRole("listitem", { name: "Nina Nieuw" }).getByRole("button", { name: "Remove" }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Remove member" }).click();
  await expect(owner.getByRole("listitem", { name: "Nina Nieuw" })).toHaveCount(0);
  await newcomer.reload();
  await expect(newcomer.getByRole("heading", { name: "Document not found" })).toBeVisible();

  // The owner's audit log has it all.
  await owner.goto(`/teams/${team.teamId}/audit`);
  const actions = await owner.locator("tr[data-audit-action]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-audit-action")));
  expect(actions).toEqual(["member.removed", "invite.revoked", "member.role_changed", "member.joined", "invite.created"]);

  for (const context of [ownerContext, newcomerContext, lateContext]) await context.close();
});

test("joining with a typed code, and a moderator can invite but not manage members", async ({ browser, team }) => {
  const { unsafeCreateUser, getTestDb } = await import("../../lib/testing/factories");
  await getTestDb().membership.update({ where: { teamId_userId: { teamId: team.teamId, userId: team.bob.userId } }, data: { role: "MODERATOR" } });
  const moderatorContext = await browser.newContext();
  await signInThroughApi(moderatorContext, team.bob);
  const moderator = await moderatorContext.newPage();
  await moderator.goto(`/teams/${team.teamId}/members`);
  await expect(moderator.getByLabel("Invite as").locator("option")).toHaveText(["Member", "Viewer"]);
  await expect(moderator.getByRole("button", { name: "Save role" })).toHaveCount(0);
  await expect(moderator.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await moderator.getByRole("button", { name: "Create invitation" }).click();
  const code = (await moderator.getByTestId("invite-code").textContent())!.trim();

  const joiner = await unsafeCreateUser("Joost Typt");
  const joinerContext = await browser.newContext();
  await signInThroughApi(joinerContext, joiner);
  const page = await joinerContext.newPage();
  await page.goto("/documents");
  await page.getByRole("button", { name: "Teams" }).click();
  await page.getByRole("menuitem", { name: "Join with a code" }).click();
  await page.getByLabel("Join code").fill("not-a-code");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("A join code has ten letters and digits")).toBeVisible();
  await page.getByLabel("Join code").fill(code.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: /^Join / }).click();
  await expect(page).toHaveURL(new RegExp(`/teams/${team.teamId}$`, "u"));
  await openDocument(page, team.documentUrl);
  await moderatorContext.close();
  await joinerContext.close();
});

test("a new team: create it, add a document, rename it, and delete it with confirmation", async ({ page, context, team }) => {
  await signInThroughApi(context, team.bob);
  await page.goto("/documents");
  await page.getByRole("button", { name: "Teams" }).click();
  await page.getByRole("menuitem", { name: "Create a team" }).click();
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByText("Give the team a name")).toBeVisible();
  await page.getByLabel("Team name").fill("Klas 5 VWO");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Klas 5 VWO" })).toBeVisible();
  await expect(page.getByText("No documents yet")).toBeVisible();

  await page.getByRole("link", { name: "Add a document" }).click();
  await page.getByLabel("Title").fill("Een kort bericht");
  await page.getByLabel("Article text").fill("date 2021-05 Eerste alinea van het bericht.\n\nTussenkop\n\nTweede alinea.");
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Een kort bericht" })).toBeVisible();
  await expect(page.getByRole("article").getByRole("heading", { level: 2 })).toHaveText("Tussenkop");
  await expect(page.locator("time")).toHaveText("Published May 2021");

  await page.getByRole("button", { name: "Klas 5 VWO" }).or(page.getByRole("button", { name: "Teams" })).click();
  await page.getByRole("menuitem", { name: /Klas 5 VWO/ }).click();
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Team name").fill("Klas 5 VWO — Nederlands");
  await page.getByRole("button", { name: "Rename team" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Klas 5 VWO — Nederlands" })).toBeVisible();

  const deleteButton = page.getByRole("button", { name: "Delete team" });
  await expect(deleteButton).toBeDisabled();
  await page.getByLabel("Type “Klas 5 VWO — Nederlands” to confirm").fill("Klas 5 VWO — Nederlands");
  await deleteButton.click();
  await expect(page).toHaveURL(/\/documents$/u);
  await expect(page.getByText("Een kort bericht")).toHaveCount(0);
});

import { articleReader, openDocument, selectWithMouse } from "../fixtures/article";
import { addModerator, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";
import { getTestDb } from "../../lib/testing/factories";

test("a moderator creates the tag “sanctions” and tags a claim with it; the member gets its toggle; a duplicate name gets a clear error", async ({
  browser,
  team,
}) => {
  const carol = await addModerator(team);
  const carolContext = await signedInContext(browser, carol);
  const bobContext = await signedInContext(browser, team.bob);
  const carolPage = await carolContext.newPage();

  await carolPage.goto(`/teams/${team.teamId}/tags`);
  const tagList = carolPage.getByRole("list", { name: "Tags of this team" });
  await expect(tagList.getByRole("listitem")).toHaveCount(4);
  await carolPage.getByRole("button", { name: "New tag" }).click();
  const form = carolPage.getByRole("group", { name: "New tag" });
  await form.getByLabel("Name").fill("sanctions");
  await form.getByRole("radio", { name: "Green" }).click();
  await expect(form.getByRole("radio", { name: "Green" })).toHaveAttribute("aria-checked", "true");
  await form.getByRole("button", { name: "Create tag" }).click();
  const sanctions = tagList.getByRole("listitem", { name: "sanctions" });
  await expect(sanctions).toContainText("Green");
  await expect(sanctions).toContainText("0 claims");

  // The same name in another case is refused with a message that says why, next to the field.
  await carolPage.getByRole("button", { name: "New tag" }).click();
  await form.getByLabel("Name").fill("Sanctions");
  await form.getByRole("button", { name: "Create tag" }).click();
  await expect(form.getByText("This team already has a tag named “sanctions”. Tag names must differ by more than case.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await form.getByRole("button", { name: "Cancel" }).click();
  await expect(tagList.getByRole("listitem")).toHaveCount(5);
  expect(await getTestDb().tag.count({ where: { teamId: team.teamId, name: { equals: "sanctions", mode: "insensitive" } } })).toBe(1);

  // Carol highlights a passage and tags it "sanctions".
  await openDocument(carolPage, team.documentUrl);
  await selectWithMouse(carolPage, "Weinig opties");
  await carolPage.getByRole("button", { name: "Highlight claim" }).click();
  await carolPage.getByRole("button", { name: "sanctions", exact: true }).click();
  await expect(carolPage.getByRole("button", { name: "sanctions", exact: true })).toHaveAttribute("aria-pressed", "true");
  const claimId = await carolPage.locator("[data-open-claim-id]").getAttribute("data-open-claim-id");

  // Bob sees it on her claim, can filter by it, and has the toggle on his own claim.
  const bobPage = await bobContext.newPage();
  await openDocument(bobPage, team.documentUrl);
  await expect(bobPage.getByRole("complementary").locator(`button[data-claim-id="${claimId}"]`)).toContainText("sanctions");
  await expect(bobPage.getByLabel("Filter by tag").locator("option", { hasText: "sanctions" })).toHaveCount(1);
  await selectWithMouse(bobPage, "Verdeel-en-heers");
  await bobPage.getByRole("button", { name: "Highlight claim" }).click();
  const toggle = bobPage.getByRole("group", { name: "Tags of this claim" }).getByRole("button", { name: "sanctions", exact: true });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  // The toggle answers at once (optimistically); the tag page below must be read after the server has it.
  const saved = bobPage.waitForResponse((response) => response.request().method() === "PATCH" && response.url().includes("/api/claims/"));
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  expect((await saved).status()).toBe(200);
  await expect(articleReader(bobPage).locator("mark[data-claim-id]")).toHaveCount(2);

  // The tag page counts both claims now.
  await carolPage.goto(`/teams/${team.teamId}/tags`);
  await expect(carolPage.getByRole("listitem", { name: "sanctions" })).toContainText("2 claims");

  await carolContext.close();
  await bobContext.close();
});

test("a moderator renames, recolours and deletes a tag (the dialog says how many claims use it); a member only reads the list", async ({
  browser,
  team,
}) => {
  const carol = await addModerator(team);
  const carolContext = await signedInContext(browser, carol);
  const bobContext = await signedInContext(browser, team.bob);
  await createClaimThroughApi(bobContext.request, team, "Weinig opties", ["energy"]);
  await createClaimThroughApi(bobContext.request, team, "Verdeel-en-heers", ["energy", "military"]);

  // Bob, a member: the list and counts, no controls; the API refuses him.
  const bobPage = await bobContext.newPage();
  await bobPage.goto(`/teams/${team.teamId}/tags`);
  await expect(bobPage.getByRole("listitem", { name: "energy" })).toContainText("2 claims");
  await expect(bobPage.getByRole("button", { name: "New tag" })).toHaveCount(0);
  await expect(bobPage.getByRole("button", { name: /^(Edit|Delete) / })).toHaveCount(0);
  const refused = await bobContext.request.post(`/api/teams/${team.teamId}/tags`, { data: { name: "stiekem", color: "#15803d" } });
  expect(refused.status()).toBe(403);

  // Carol renames "energy" to a name with HTML in it (shown as text) and recolours it.
  const page = await carolContext.newPage();
  await page.goto(`/teams/${team.teamId}/tags`);
  await page.getByRole("button", { name: "Edit energy" }).click();
  const item = page.getByRole("listitem", { name: "energy" });
  await item.getByLabel("Name").fill("<b>gas</b> & olie");
  await item.getByRole("radio", { name: "Teal" }).click();
  await item.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByRole("listitem", { name: "<b>gas</b> & olie" });
  await expect(renamed).toContainText("<b>gas</b> & olie");
  await expect(renamed).toContainText("Teal");
  await expect(page.locator("main b")).toHaveCount(0);
  const stored = await getTestDb().tag.findFirstOrThrow({ where: { teamId: team.teamId, name: "<b>gas</b> & olie" } });
  expect(stored.color).toBe("#0f766e");

  // Deleting says how many claims carry it; cancel keeps it, confirm removes it from the claims.
  await page.getByRole("button", { name: "Delete <b>gas</b> & olie" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("It is on 2 claims");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(renamed).toBeVisible();
  await page.getByRole("button", { name: "Delete <b>gas</b> & olie" }).click();
  await dialog.getByRole("button", { name: "Delete tag" }).click();
  await expect(renamed).toHaveCount(0);
  expect(await getTestDb().claimTag.count({ where: { tagId: stored.id } })).toBe(0);
  const claims = await (await bobContext.request.get(`/api/documents/${team.documentId}/claims`)).json();
  expect(claims.items.map((claim: { tags: { name: string }[] }) => claim.tags.map((tag) => tag.name))).toEqual([[], ["military"]]);
  const events = await getTestDb().auditEvent.findMany({ where: { targetId: stored.id }, orderBy: { createdAt: "asc" } });
  expect(events.map((event) => event.action)).toEqual(["tag.updated", "tag.deleted"]);

  await carolContext.close();
  await bobContext.close();
});

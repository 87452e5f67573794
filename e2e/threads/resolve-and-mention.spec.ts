import { openDocument } from "../fixtures/article";
import { claimListEntry, expectNotReloaded, markPage, watchDocument } from "../fixtures/live";
import { commentThroughApi, createClaimThroughApi, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

// Issue 14 §7: a discussion that moves work. Resolving folds a thread to one line and the list can leave resolved
// claims out; `@Name` in a comment notifies that member, live.

test("resolving folds the discussion to one line, the list marks or hides it, and reopening restores it", async ({ browser, team }) => {
  const bobContext = await signedInContext(browser, team.bob);
  const claim = await createClaimThroughApi(bobContext.request, team, "Weinig opties");
  await commentThroughApi(bobContext.request, claim.id, "Wie heeft hier een bron voor?");
  const page = await bobContext.newPage();
  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);

  const thread = page.getByRole("region", { name: "Discussion" });
  const comment = thread.getByText("Wie heeft hier een bron voor?");
  await expect(comment).toBeVisible();
  await expect(thread.getByTestId("thread-resolved")).toHaveCount(0);

  // Bob wrote the claim: he may resolve its discussion. It folds to one line; focus stays on the button.
  await thread.getByRole("button", { name: "Resolve thread" }).click();
  const summary = thread.getByTestId("thread-resolved");
  await expect(summary).toHaveText(/^Resolved by Bob Test on \w+ \d{1,2}, \d{4}$/u);
  await expect(comment).toBeHidden();
  await expect(thread.getByRole("button", { name: "Reopen" })).toBeFocused();
  await expect(thread.getByRole("status").filter({ hasText: "Discussion resolved." })).toBeAttached();
  const disclosure = thread.getByRole("button", { name: "Show discussion" });
  await expect(disclosure).toHaveAttribute("aria-expanded", "false");

  // The disclosure shows it again from the keyboard, and folds it back.
  await disclosure.focus();
  await page.keyboard.press("Enter");
  const hideButton = thread.getByRole("button", { name: "Hide discussion" });
  await expect(hideButton).toHaveAttribute("aria-expanded", "true");
  await expect(hideButton).toBeFocused();
  await expect(comment).toBeVisible();
  await expect(thread.getByText("Posting a comment reopens the discussion.")).toBeVisible();
  await page.keyboard.press("Space");
  await expect(comment).toBeHidden();

  // The claims list marks it; "Show resolved" off leaves it out, in the URL, and on again brings it back.
  await page.getByRole("button", { name: "Back to all claims" }).click();
  const entry = claimListEntry(page, claim.id);
  await expect(entry).toContainText("Resolved");
  await expect(entry.getByTestId("check-status")).toHaveText("Check status: Open");
  const showResolved = page.getByRole("checkbox", { name: "Show resolved" });
  await expect(showResolved).toBeChecked();
  await showResolved.uncheck();
  await expect(entry).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]resolved=hide/u);
  await expect(page.getByText("Every discussion here is resolved.", { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Show resolved" })).not.toBeChecked();
  await expect(claimListEntry(page, claim.id)).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Show resolved" }).check();
  await expect(page).not.toHaveURL(/resolved=/u);
  await claimListEntry(page, claim.id).click();

  // Reopen restores the discussion as it was.
  await thread.getByRole("button", { name: "Reopen" }).click();
  await expect(thread.getByTestId("thread-resolved")).toHaveCount(0);
  await expect(comment).toBeVisible();
  await expect(thread.getByRole("button", { name: "Resolve thread" })).toBeVisible();
  await expect(thread.getByRole("status").filter({ hasText: "Discussion reopened." })).toBeAttached();

  // Resolved again, a new comment reopens it (as in Google Docs).
  await thread.getByRole("button", { name: "Resolve thread" }).click();
  await thread.getByRole("button", { name: "Show discussion" }).click();
  await thread.getByLabel("Comment", { exact: true }).fill("Toch nog een vraag.");
  await thread.getByRole("button", { name: "Post" }).click();
  await expect(thread.getByText("Toch nog een vraag.")).toBeVisible();
  await expect(thread.getByTestId("thread-resolved")).toHaveCount(0);
  await expect(thread.getByRole("button", { name: "Resolve thread" })).toBeVisible();
  const history = await bobContext.request.get(`/api/claims/${claim.id}/thread`);
  expect(await history.json()).toEqual({ resolved: false, resolvedAt: null, resolvedBy: null });
  await bobContext.close();
});

test("a member picks a colleague with the keyboard after @; the colleague's bell rises live and names the mention", async ({ browser, team }) => {
  const aliceContext = await signedInContext(browser, team.alice);
  const bobContext = await signedInContext(browser, team.bob);
  const claim = await createClaimThroughApi(aliceContext.request, team, "Weinig opties");

  // Bob reads the document; his bell has nothing unread.
  const bob = await bobContext.newPage();
  await watchDocument(bob, team.documentUrl);
  await markPage(bob);
  const bobBanner = bob.getByRole("banner");
  await expect(bobBanner.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();

  const alice = await aliceContext.newPage();
  const memberReads: string[] = [];
  alice.on("request", (request) => {
    if (new URL(request.url()).pathname === `/api/teams/${team.teamId}/members`) memberReads.push(request.url());
  });
  await watchDocument(alice, `${team.documentUrl}?claim=${claim.id}`);
  const thread = alice.getByRole("region", { name: "Discussion" });
  const box = thread.getByRole("textbox", { name: "Comment", exact: true });
  await box.focus();
  await alice.keyboard.type("Kun jij dit checken, @");
  const suggestions = thread.getByRole("listbox", { name: "Members to mention" });
  await expect(suggestions).toBeVisible();
  // Everyone but Alice herself.
  await expect(suggestions.getByRole("option")).toHaveText(["Bob Test"]);
  // Escape closes it and keeps the text; another @ opens it again.
  await alice.keyboard.press("Escape");
  await expect(suggestions).toBeHidden();
  await expect(box).toHaveValue("Kun jij dit checken, @");
  await expect(box).toBeFocused();
  await alice.keyboard.press("Backspace");
  await alice.keyboard.type("@bo");
  await expect(suggestions).toBeVisible();
  const option = suggestions.getByRole("option", { name: "Bob Test" });
  await alice.keyboard.press("ArrowDown");
  await expect(option).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await option.getAttribute("id"))!);
  await alice.keyboard.press("Enter");
  await expect(suggestions).toBeHidden();
  await expect(box).toHaveValue("Kun jij dit checken, @Bob Test ");
  await alice.keyboard.type("de bron?");
  await alice.keyboard.press("Control+Enter");

  // The comment shows the mention emphasised, as text.
  const posted = thread.getByRole("listitem", { name: "Comment by Alice Test" });
  await expect(posted).toHaveText(/Kun jij dit checken, @Bob Test de bron\?/u);
  await expect(posted.locator("strong")).toHaveText("@Bob Test");
  await expect(box).toHaveValue("");

  // Bob's bell rises without a reload (its own schedule is once a minute: this is the live stream).
  const bell = bobBanner.getByRole("button", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible({ timeout: 15_000 });
  await expectNotReloaded(bob);
  await bell.click();
  const entry = bob
    .getByRole("dialog", { name: "Notifications" })
    .getByRole("link", { name: "Alice Test mentioned you in “Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand”: “Kun jij dit checken, @Bob Test de bron?”" });
  await expect(entry).toBeVisible();
  await entry.click();
  await expect(bob).toHaveURL(new RegExp(`/documents/${team.documentId}\\?claim=${claim.id}$`, "u"));
  await expect(bob.getByRole("region", { name: "Discussion" }).getByText("de bron?", { exact: false })).toBeVisible();

  // The team's members were read once for all of Alice's comment boxes.
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByLabel("Reply", { exact: true }).pressSequentially("@B");
  await expect(thread.getByRole("listbox", { name: "Members to mention" })).toBeVisible();
  expect(memberReads).toHaveLength(1);

  await aliceContext.close();
  await bobContext.close();
});

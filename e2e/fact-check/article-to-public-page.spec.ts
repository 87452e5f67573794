import type { Locator, Page } from "@playwright/test";

import { articleReader, openDocument, selectWithMouse } from "../fixtures/article";
import { claimMarks, watchDocument } from "../fixtures/live";
import { addModerator, signedInContext } from "../fixtures/moderation";
import { expect, test } from "../fixtures/team";

const quote = "Het toont dat Rusland zijn greep op de regio dreigt te verliezen.";

/** The open claim's panel. */
function panelOf(page: Page, claimId: string): Locator {
  return page.locator(`[data-open-claim-id="${claimId}"]`);
}

/**
 * Issue 14's newsroom, end to end through the interface: a reporter (a member) highlights a claim in the article,
 * takes the check, adds evidence and proposes a verdict; the desk's editor (a moderator), in another browser,
 * sees each step arrive live, publishes the verdict (the reporter sees it live: status checked, the highlight's
 * verdict badge), then publishes the document; a reader who is not signed in finds the verdict, its summary and
 * evidence on the public page, and nothing of the discussion.
 */
test("a reporter checks a claim from the article to a published verdict, seen live by the editor, who publishes it to a public page", async ({
  browser,
  team,
}) => {
  const editorUser = await addModerator(team);
  const reporterContext = await signedInContext(browser, team.bob);
  const editorContext = await signedInContext(browser, editorUser);
  const reporter = await reporterContext.newPage();
  const editor = await editorContext.newPage();
  await watchDocument(reporter, team.documentUrl);
  await watchDocument(editor, team.documentUrl);

  // The reporter highlights the sentence and opens its panel.
  await selectWithMouse(reporter, quote);
  await reporter.getByRole("button", { name: "Highlight claim" }).click();
  const mark = articleReader(reporter).locator("mark[data-claim-id]").first();
  await expect(mark).toBeVisible();
  const claimId = (await mark.getAttribute("data-claim-id"))!;
  const reporterPanel = panelOf(reporter, claimId);
  await expect(reporterPanel).toBeVisible();

  // …takes the check: status Checking, assigned to themself.
  await reporterPanel.getByLabel("Check status").selectOption({ label: "Checking" });
  await reporterPanel.getByRole("button", { name: "Assign to me" }).click();
  await expect(reporterPanel.getByLabel("Assigned to")).toHaveValue(team.bob.userId);

  // …adds refuting evidence with a link.
  const evidence = reporterPanel.getByRole("region", { name: "Evidence", exact: true });
  await evidence.getByRole("button", { name: "Add evidence" }).click();
  const form = evidence.getByRole("form", { name: "New evidence" });
  await form.getByLabel("Title").fill("Verklaring van het Kremlin, 12 oktober");
  await form.getByLabel("Link (optional)").fill("https://en.kremlin.ru/events/president/news/64190");
  await form.getByRole("radio", { name: "Refutes" }).check();
  await form.getByRole("button", { name: "Add evidence" }).click();
  await expect(evidence.getByRole("listitem")).toHaveCount(1);

  // …and proposes "Mostly false".
  const reporterVerdict = reporterPanel.getByRole("region", { name: "Verdict" });
  await reporterVerdict.getByRole("button", { name: /^Propose (a|another) verdict$/u }).click();
  await reporterVerdict.getByRole("radio", { name: "Mostly false", exact: true }).check();
  const summary = "Het Kremlin zag het Turkse optreden niet als bedreiging van zijn positie.";
  await reporterVerdict.getByLabel("Summary").fill(summary);
  await reporterVerdict.getByRole("button", { name: "Propose verdict" }).click();
  await expect(reporterVerdict.getByTestId("verdict-proposal")).toContainText(summary);
  await expect(reporterVerdict.getByRole("button", { name: "Publish verdict" })).toHaveCount(0);

  // The editor saw the claim arrive live; opening it shows the check, the evidence and the proposal as they are.
  await expect(claimMarks(editor, claimId).first()).toBeVisible();
  await claimMarks(editor, claimId).first().click();
  const editorPanel = panelOf(editor, claimId);
  await expect(editorPanel.getByLabel("Check status")).toHaveValue("checking");
  await expect(editorPanel.getByLabel("Assigned to")).toHaveValue(team.bob.userId);
  await expect(editorPanel.getByRole("region", { name: "Evidence", exact: true })).toContainText("Verklaring van het Kremlin, 12 oktober");
  const editorVerdict = editorPanel.getByRole("region", { name: "Verdict" });
  await expect(editorVerdict.getByTestId("verdict-proposal")).toContainText("Proposed by Bob Test");

  // The editor publishes the verdict: the claim is checked, for both, and the highlight names the verdict.
  await editorVerdict.getByRole("button", { name: "Publish verdict" }).click();
  await expect(editorVerdict.getByTestId("published-verdict")).toContainText("Mostly false");
  await expect(reporterVerdict.getByTestId("published-verdict")).toContainText("Mostly false");
  await expect(reporterPanel.getByLabel("Check status")).toHaveValue("checked");
  for (const page of [reporter, editor]) {
    await expect(articleReader(page).locator(`[data-verdict-for="${claimId}"]`)).toHaveText("Mostly false");
  }

  // The editor publishes the document; a reader who is not signed in opens the public page.
  const control = editor.getByTestId("publication-control");
  await control.getByRole("button", { name: "Publish" }).click();
  const path = (await control.getByRole("link").getAttribute("href"))!;
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  expect((await reader.goto(path))!.status()).toBe(200);
  const published = reader.locator(`li[id="claim-${claimId}"]`);
  await expect(published).toContainText("Mostly false");
  await expect(published).toContainText(summary);
  await expect(published.getByRole("link", { name: "Verklaring van het Kremlin, 12 oktober" })).toHaveAttribute(
    "rel",
    "noopener noreferrer nofollow",
  );
  const html = await reader.content();
  for (const name of [team.bob.name, editorUser.name]) expect(html, name).not.toContain(name);

  await openDocument(reporter, team.documentUrl);
  await readerContext.close();
  await reporterContext.close();
  await editorContext.close();
});

import { articleReader, openDocument, selectWithMouse } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";
import { getTestDb } from "../../lib/testing/factories";
import { importArticleText } from "../../lib/documents/article-import";

test("after the article is edited, claims re-anchor on their text, and a claim whose text is gone is listed as orphaned", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);
  for (const passage of ["Javad Devdarian", "Turkse drones"]) {
    await selectWithMouse(page, passage);
    await page.getByRole("button", { name: "Highlight claim" }).click();
    await expect(page.getByRole("button", { name: "Back to all claims" })).toBeVisible();
    await page.getByRole("button", { name: "Back to all claims" }).click();
  }
  await expect(articleReader(page).locator("mark[data-claim-id]")).toHaveCount(2);

  // An editor rewrites the article: a new first paragraph (every offset shifts) and the specialist's name removed.
  const edited = `Redactionele noot: dit stuk is bijgewerkt.\n\n${team.documentText}`
    .replace("Javad Devdarian", "een specialist")
    .replace("Devdarian denkt", "Hij denkt");
  const article = importArticleText(edited);
  await getTestDb().document.update({
    where: { id: team.documentId },
    data: { content: article.content, text: article.text, version: { increment: 1 } },
  });

  await page.reload();
  await expect(articleReader(page)).toBeVisible();
  const marks = articleReader(page).locator("mark[data-claim-id]");
  await expect(marks).toHaveCount(1);
  await expect(marks).toHaveText("Turkse drones");
  const orphaned = page.getByRole("region", { name: /Not found in the current text/ });
  await expect(orphaned).toContainText("(1)");
  await expect(orphaned).toContainText("“Javad Devdarian”");
  // Its thread is still reachable.
  await orphaned.getByRole("button").click();
  await expect(page.getByText("this passage is no longer in the text")).toBeVisible();
});

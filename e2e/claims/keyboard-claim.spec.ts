import { articleReader, highlightedText, openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

test("a claim made, tagged and discussed with the keyboard alone", async ({ page, context, team }) => {
  await signInThroughApi(context, team.alice);
  await openDocument(page, team.documentUrl);

  // Tab into the article: it takes focus with a caret at its start.
  const reader = articleReader(page);
  for (let presses = 0; presses < 15 && !(await reader.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(reader).toBeFocused();

  // Move past "Even leek " with the arrow keys, then select "Rusland" with Shift+arrows.
  for (let index = 0; index < "Even leek ".length; index += 1) await page.keyboard.press("ArrowRight");
  for (let index = 0; index < "Rusland".length; index += 1) await page.keyboard.press("Shift+ArrowRight");
  await expect(page.getByText("Selected:")).toContainText("“Rusland”");
  // Typing in the article must not change it (it is read-only).
  await page.keyboard.press("Shift+ArrowLeft");
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.type("x");
  await expect(reader).toContainText("Even leek Rusland er in geslaagd");

  // The shortcut highlights the selection.
  await page.keyboard.press("Control+Shift+H");
  const mark = reader.locator("mark[data-claim-id]");
  await expect(mark).toHaveCount(1);
  const claimId = (await mark.getAttribute("data-claim-id"))!;
  expect(await highlightedText(page, claimId)).toBe("Rusland");

  // Tab to the "energy" tag toggle in the side panel and press Space.
  const energy = page.getByRole("button", { name: "energy", exact: true });
  for (let presses = 0; presses < 20 && !(await energy.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(energy).toBeFocused();
  await page.keyboard.press("Space");
  await expect(energy).toHaveAttribute("aria-pressed", "true");

  // Tab to the comment box, type, and post with Ctrl+Enter.
  const commentBox = page.getByLabel("Comment", { exact: true });
  for (let presses = 0; presses < 20 && !(await commentBox.evaluate((element) => element === document.activeElement)); presses += 1) {
    await page.keyboard.press("Tab");
  }
  await expect(commentBox).toBeFocused();
  await page.keyboard.type("Rusland als bemiddelaar, niet als partij.");
  await page.keyboard.press("Control+Enter");
  await expect(page.getByRole("region", { name: "Discussion" }).getByText("Rusland als bemiddelaar, niet als partij.")).toBeVisible();

  // Persisted: after a reload the claim is still on "Rusland" (the first one, not a later occurrence) and tagged.
  await page.reload();
  await expect(reader).toBeVisible();
  expect(await highlightedText(page, claimId)).toBe("Rusland");
  const position = await reader.evaluate((root, id) => {
    const first = root.querySelector(`mark[data-claim-ids~="${id}"]`);
    return first?.closest("p")?.textContent?.indexOf(first.textContent ?? "") ?? -1;
  }, claimId);
  expect(position).toBe("Even leek ".length);
  await expect(page.getByRole("button", { name: "energy", exact: true })).toHaveAttribute("aria-pressed", "true");
});

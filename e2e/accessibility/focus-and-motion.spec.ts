import type { ElementHandle, Page } from "@playwright/test";

import { openDocument } from "../fixtures/article";
import { signInThroughApi } from "../fixtures/auth";
import { createClaimThroughApi, commentThroughApi } from "../fixtures/moderation";
import { expect, test, type TeamFixture } from "../fixtures/team";

/**
 * What axe cannot see: that focus is visible on every element the Tab key reaches (app/globals.css gives each a
 * ring unless a component draws its own), that the skip link leads past the header, and that a reduced-motion
 * preference stops transitions and animations.
 */

const pages: { name: string; signedIn: boolean; open: (page: Page, team: TeamFixture) => Promise<void> }[] = [
  { name: "sign-in", signedIn: false, open: (page) => gotoAndWait(page, "/sign-in", "input[name=password]") },
  { name: "documents", signedIn: true, open: (page, team) => gotoAndWait(page, "/documents", `a[href="${team.documentUrl}"]`) },
  { name: "document with an open claim", signedIn: true, open: openClaim },
  { name: "members", signedIn: true, open: (page, team) => gotoAndWait(page, `/teams/${team.teamId}/members`, "main li") },
  { name: "tag manager", signedIn: true, open: (page, team) => gotoAndWait(page, `/teams/${team.teamId}/tags`, "[data-tag-id]") },
];

/** The styles that can show focus; an element whose focused and unfocused values are all equal shows nothing. */
const indicatorProperties = ["outlineStyle", "outlineWidth", "outlineColor", "boxShadow", "backgroundColor", "borderColor", "textDecorationLine"] as const;

for (const entry of pages) {
  test(`${entry.name}: every element the Tab key reaches shows that it has focus`, async ({ context, page, team }) => {
    if (entry.signedIn) await signInThroughApi(context, team.alice);
    await entry.open(page, team);
    const invisible: string[] = [];
    const seen: string[] = [];
    let previous: { handle: ElementHandle<Element>; describe: string; focused: Record<string, string> } | null = null;
    for (let step = 0; step < 80; step += 1) {
      await page.keyboard.press("Tab");
      const handle = (await page.evaluateHandle(() => document.activeElement)).asElement();
      // A field of several parts (a date input's month, day and year) keeps focus while Tab moves through them.
      if (previous && handle && (await handle.evaluate((element, before) => element === before, previous.handle))) continue;
      // Compare the element that just lost focus with how it looked while it had it.
      if (previous) {
        const unfocused = await styleOf(previous.handle);
        if (indicatorProperties.every((property) => unfocused[property] === previous!.focused[property])) invisible.push(previous.describe);
        previous = null;
      }
      if (!handle) break;
      const describe = await handle.evaluate(
        (element) => `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`,
      );
      // Back at the start (or out of the page, on <body>): every stop has been seen.
      const isNew = await handle.evaluate((element) => {
        const visited = ((window as unknown as { tabVisited?: WeakSet<Element> }).tabVisited ??= new WeakSet());
        if (visited.has(element)) return false;
        visited.add(element);
        return true;
      });
      if (!isNew || describe.startsWith("body")) break;
      seen.push(describe);
      previous = { handle, describe, focused: await styleOf(handle) };
    }
    expect(seen.length, "the Tab key reached something").toBeGreaterThan(2);
    expect(invisible, "elements that look the same with and without focus").toEqual([]);
  });
}

test("the skip link is the first Tab stop and moves focus past the header to the page's content", async ({ context, page, team }) => {
  await signInThroughApi(context, team.alice);
  await gotoAndWait(page, "/documents", `a[href="${team.documentUrl}"]`);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#content")).toBeFocused();
  // The next Tab stop is inside the page's content, past the whole header.
  await page.keyboard.press("Tab");
  await expect(page.locator("main :focus")).toHaveCount(1);
  await expect(page.locator("header :focus")).toHaveCount(0);
});

test.describe("with prefers-reduced-motion: reduce", () => {
  test.use({ reducedMotion: "reduce" });

  test("transitions and animations are stopped, scrolling is not smooth", async ({ page }) => {
    await gotoAndWait(page, "/sign-in", "input[name=password]");
    const styles = await page.locator("main button[type=submit]").evaluate((button) => {
      const style = getComputedStyle(button);
      return { transition: style.transitionDuration, animation: style.animationDuration, scroll: getComputedStyle(document.documentElement).scrollBehavior };
    });
    expect(Number.parseFloat(styles.transition)).toBeLessThan(0.001);
    expect(Number.parseFloat(styles.animation)).toBeLessThan(0.001);
    expect(styles.scroll).toBe("auto");
  });
});

test("without a reduced-motion preference, buttons keep their transition", async ({ page }) => {
  await gotoAndWait(page, "/sign-in", "input[name=password]");
  const duration = await page.locator("main button[type=submit]").evaluate((button) => getComputedStyle(button).transitionDuration);
  expect(Number.parseFloat(duration)).toBeGreaterThan(0.05);
});

async function gotoAndWait(page: Page, url: string, readySelector: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator(readySelector).first()).toBeVisible();
}

async function openClaim(page: Page, team: TeamFixture): Promise<void> {
  const claim = await createClaimThroughApi(page.request, team, "Weinig opties", ["military"]);
  await commentThroughApi(page.request, claim.id, "Bron?");
  await openDocument(page, `${team.documentUrl}?claim=${claim.id}`);
  await expect(page.locator(`[data-open-claim-id="${claim.id}"] [data-comment-id]`)).toBeVisible();
}

async function styleOf(handle: ElementHandle<Element>): Promise<Record<string, string>> {
  return handle.evaluate((element, properties) => {
    const style = getComputedStyle(element) as unknown as Record<string, string>;
    return Object.fromEntries(properties.map((property) => [property, style[property] ?? ""]));
  }, [...indicatorProperties]);
}

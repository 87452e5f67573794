import { articleReader, selectWithMouse } from "../fixtures/article";
import { watchCspViolations } from "../fixtures/csp";
import { expect, test } from "../fixtures/team";

// Under the strict CSP (nonce + 'strict-dynamic', no inline or eval'd scripts), every page must load, hydrate and
// work: a blocked script would leave buttons dead and log a violation.
test("sign-in, the document view and creating a claim run without a single CSP violation", async ({ page, team }) => {
  const { violations } = await watchCspViolations(page);

  // Sign in through the form (a client island and a server action).
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(team.documentUrl)}`);
  await page.getByLabel("Email").fill(team.alice.email);
  await page.getByLabel("Password").fill(team.alice.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${team.documentUrl}$`, "u"));

  // The document view: tiptap replaces the static rendering once hydrated.
  await expect(articleReader(page)).toBeVisible();

  // Create a claim: selection, the composer, a JSON API call, the highlight decoration.
  await selectWithMouse(page, "Weinig opties");
  await page.getByRole("button", { name: "Highlight claim" }).click();
  await expect(page.getByRole("region", { name: /Claim by Alice Test/u })).toBeVisible();
  await expect(articleReader(page).locator("mark[data-claim-id]").first()).toBeVisible();

  // Client-side navigation, a not-found page, and the sessions page with its dialog.
  await page.getByRole("link", { name: "Margin" }).first().click();
  await expect(page).toHaveURL(/\/documents$/u);
  await page.goto(`/no-such-page-${Date.now()}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.goto("/settings/sessions");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await page.getByRole("button", { name: "Cancel" }).click();

  expect(violations).toEqual([]);
});

test("the sign-up page and its validation run without a CSP violation", async ({ page }) => {
  const { violations } = await watchCspViolations(page);
  await page.goto("/sign-up");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  expect(violations).toEqual([]);
});

test("the watcher does see a violation (so an empty list means something)", async ({ page }) => {
  const { violations } = await watchCspViolations(page);
  await page.goto("/sign-in");
  // Markup with an inline event handler, as an injection would add: the CSP must block the handler.
  await page.evaluate(() => {
    const button = document.createElement("button");
    button.setAttribute("onclick", "window.__injected = true");
    document.body.append(button);
    button.click();
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});

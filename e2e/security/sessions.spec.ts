import type { Browser, BrowserContext } from "@playwright/test";

import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";
import { getTestDb, unsafeCreateUser, type TestUser } from "../../lib/testing/factories";

/** A fresh user, without the session the factory opens for services, signed in from two browsers. */
async function signedInTwice(browser: Browser): Promise<{ user: TestUser; laptop: BrowserContext; phone: BrowserContext }> {
  const user = await unsafeCreateUser("Two browsers");
  await getTestDb().session.update({ where: { id: user.sessionId }, data: { revokedAt: new Date() } });
  const laptop = await browser.newContext({
    userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36",
  });
  const phone = await browser.newContext({
    userAgent:
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  });
  await signInThroughApi(laptop, user);
  await signInThroughApi(phone, user);
  return { user, laptop, phone };
}

test("the sessions page lists both browsers; ending the other one signs it out on its very next request", async ({ browser }) => {
  const { laptop, phone } = await signedInTwice(browser);
  const page = await laptop.newPage();
  const phonePage = await phone.newPage();
  await phonePage.goto("/documents");
  await expect(phonePage.getByRole("heading", { name: "Documents" })).toBeVisible();

  await page.goto("/settings/sessions");
  const sessions = page.getByRole("list", { name: "Active sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  const current = sessions.filter({ hasText: "This device" });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText("Chrome on Linux");
  await expect(current.getByRole("button", { name: /End session/u })).toHaveCount(0);
  const other = sessions.filter({ hasText: "Safari on iPhone" });
  await expect(other).toContainText("Last active");

  await other.getByRole("button", { name: "End session: Safari on iPhone" }).click();
  await expect(sessions).toHaveCount(1);
  await expect(sessions.first()).toContainText("This device");

  // The phone's very next requests, a page and the API, are anonymous.
  expect((await phone.request.get("/api/documents")).status()).toBe(401);
  await phonePage.goto("/documents");
  await expect(phonePage).toHaveURL(/\/sign-in\?callbackUrl=%2Fdocuments/u);
  // The laptop is still signed in.
  expect((await laptop.request.get("/api/documents")).status()).toBe(200);

  await laptop.close();
  await phone.close();
});

test("sign out everywhere ends every session, this one included, and lands on the sign-in page", async ({ browser }) => {
  const { laptop, phone } = await signedInTwice(browser);
  const page = await laptop.newPage();
  await page.goto("/settings/sessions");
  await expect(page.getByRole("list", { name: "Active sessions" }).getByRole("listitem")).toHaveCount(2);

  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Sign out everywhere?" });
  await expect(dialog).toContainText("all 2 of your sessions");
  await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/u);

  for (const context of [laptop, phone]) {
    expect((await context.request.get("/api/documents")).status()).toBe(401);
  }
  await page.goto("/settings/sessions");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fsessions/u);

  await laptop.close();
  await phone.close();
});

test("the sessions page needs a signed-in user", async ({ page }) => {
  await page.goto("/settings/sessions");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings%2Fsessions/u);
});

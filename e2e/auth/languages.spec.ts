import { randomUUID } from "node:crypto";

import type { Page } from "@playwright/test";

import { signInThroughApi } from "../fixtures/auth";
import { expect, test } from "../fixtures/team";

/** Chooses a language in the language menu (header or sign-in page), by the language's own name. */
async function chooseLanguage(page: Page, current: string, name: "English" | "Nederlands"): Promise<void> {
  await page.getByRole("button", { name: current }).click();
  await page.getByRole("menuitemradio", { name }).click();
}

test.describe("a Dutch browser (Accept-Language nl-NL)", () => {
  test.use({ locale: "nl-NL" });

  test("the sign-in page is Dutch, and signing up and in works with only Dutch names", async ({ page }) => {
    await page.goto("/documents");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdocuments/u);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page).toHaveTitle("Inloggen · Margin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen bij Margin");
    await expect(page.getByRole("button", { name: "Taal: Nederlands" })).toBeVisible();
    await expect(page.getByLabel("E-mailadres")).toBeVisible();
    await expect(page.getByLabel("Wachtwoord")).toBeVisible();
    await expect(page.getByRole("button", { name: "Inloggen" })).toBeVisible();

    await page.getByRole("link", { name: "Account maken" }).click();
    await expect(page).toHaveURL(/\/sign-up\?callbackUrl=%2Fdocuments/u);
    await expect(page).toHaveTitle("Account maken · Margin");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Maak je Margin-account");
    const email = `lezer.${randomUUID().slice(0, 8)}@example.test`;
    await page.getByLabel("Naam").fill("Nieuwe Lezer");
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill("een-lang-genoeg-wachtwoord");
    await page.getByRole("button", { name: "Account maken" }).click();

    await expect(page).toHaveURL(/\/documents$/u);
    await expect(page.getByRole("heading", { level: 1, name: "Documenten" })).toBeVisible();
    // A new account joins the demo newsroom: its article is listed with its month of publication, in Dutch.
    await expect(page.getByRole("main")).toContainText("Gepubliceerd oktober 2020");
    await expect(page.getByText("Ingelogd als")).toContainText("Nieuwe Lezer");

    await page.getByRole("button", { name: "Uitloggen" }).click();
    await expect(page).toHaveURL(/\/sign-in/u);
    await page.getByLabel("E-mailadres").fill(email);
    await page.getByLabel("Wachtwoord").fill("een-lang-genoeg-wachtwoord");
    await page.getByRole("button", { name: "Inloggen" }).click();
    await expect(page).toHaveURL(/\/documents$/u);
    await expect(page.getByRole("heading", { level: 1, name: "Documenten" })).toBeVisible();
  });

  test("a failed sign-in that Auth.js sends back is explained in Dutch", async ({ page }) => {
    await page.goto("/sign-in?error=CredentialsSignin");
    // (Next's route announcer is an empty alert too.)
    await expect(page.getByRole("alert").filter({ hasText: /\S/u })).toHaveText("Het e-mailadres of wachtwoord klopt niet.");
  });
});

test.describe("an English browser (Accept-Language en-US)", () => {
  test.use({ locale: "en-US" });

  test("the language menu switches a visitor's sign-in page to Dutch, and the choice is remembered", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Margin");

    await chooseLanguage(page, "Language: English", "Nederlands");
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen bij Margin");

    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inloggen bij Margin");
    await chooseLanguage(page, "Taal: Nederlands", "English");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Margin");
  });

  test("the header's language menu switches to Dutch, and a signed-in user's choice follows them to a new browser", async ({
    browser,
    page,
    context,
    team,
  }) => {
    await signInThroughApi(context, team.bob);
    await page.goto("/documents");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documents");

    const header = page.getByRole("banner");
    await header.getByRole("button", { name: "Language: English" }).click();
    const menu = page.getByRole("menu");
    const items = menu.getByRole("menuitemradio");
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toHaveAccessibleName("English");
    await expect(items.nth(1)).toHaveAccessibleName("Nederlands");
    await expect(items.nth(0)).toHaveAttribute("aria-checked", "true");
    await expect(items.nth(1)).toHaveAttribute("aria-checked", "false");
    await items.nth(1).click();

    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documenten");
    await expect(header.getByRole("button", { name: "Taal: Nederlands" })).toBeVisible();
    // The seed article's list entry: its month of publication and its claim count, in Dutch.
    await expect(page.getByRole("main")).toContainText("Gepubliceerd oktober 2020");
    await expect(page.getByRole("main")).toContainText("0 claims");

    // Another browser, English, without the language cookie: anonymous it gets English, signed in Dutch.
    const laptop = await browser.newContext({ locale: "en-US" });
    const other = await laptop.newPage();
    await other.goto("/documents");
    await expect(other.locator("html")).toHaveAttribute("lang", "en");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Sign in to Margin");
    await other.getByLabel("Email").fill(team.bob.email);
    await other.getByLabel("Password").fill(team.bob.password);
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other).toHaveURL(/\/documents$/u);
    await expect(other.locator("html")).toHaveAttribute("lang", "nl");
    await expect(other.getByRole("heading", { level: 1 })).toHaveText("Documenten");
    await laptop.close();
  });
});

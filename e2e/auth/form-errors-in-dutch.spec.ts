import { randomUUID } from "node:crypto";

import { expect, test, type Page } from "@playwright/test";

// A Dutch browser (Accept-Language: nl-NL): the forms' server actions answer in Dutch. Fields are found by their
// name, so the test does not depend on how the form's own labels are worded.
test.use({ locale: "nl-NL" });

/** The form that holds the password field (the page may have others: "Sign in with …" buttons). */
function credentialsForm(page: Page) {
  return page.locator("form").filter({ has: page.locator('input[name="password"]') });
}

test("a server action's form errors come back in Dutch: a field's rule, zxcvbn's feedback, a failed sign-in", async ({ page }) => {
  const form = credentialsForm(page);
  await page.goto("/sign-up");
  await form.locator('input[name="name"]').fill("Nieuwe Lezer");
  await form.locator('input[name="email"]').fill(`lezer.${randomUUID().slice(0, 8)}@example.test`);
  await form.locator('input[name="password"]').fill("kort");
  await form.locator('button[type="submit"]').click();
  await expect(form.getByText("Een wachtwoord heeft minimaal 10 tekens")).toBeVisible();

  await form.locator('input[name="password"]').fill("password1234");
  await form.locator('button[type="submit"]').click();
  await expect(form.getByText(/^Dit wachtwoord is te makkelijk te raden\. Dit lijkt op een veelgebruikt wachtwoord\./u)).toBeVisible();

  await page.goto("/sign-in");
  await form.locator('input[name="email"]').fill(`niemand.${randomUUID().slice(0, 8)}@example.test`);
  await form.locator('input[name="password"]').fill("niet-het-wachtwoord");
  await form.locator('button[type="submit"]').click();
  await expect(form.getByRole("alert")).toHaveText("E-mailadres of wachtwoord klopt niet.");
});

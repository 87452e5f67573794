import { randomUUID } from "node:crypto";

import { expect, test } from "@playwright/test";

test("sign-up refuses a guessable password with zxcvbn's advice, then accepts a strong one", async ({ page }) => {
  const email = `lena.janssen.${randomUUID().slice(0, 8)}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Lena Janssen");
  await page.getByLabel("Email").fill(email);

  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText(/This password is too easy to guess\. This is similar to a commonly used password\./u)).toBeVisible();

  // Built from the person's own name: refused as well.
  await page.getByLabel("Password").fill("LenaJanssen!2024");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByText(/There should not be any personal or page related data\./u)).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Password").fill("zebra mango quartz lantern");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page).toHaveURL(/\/documents$/u);
});

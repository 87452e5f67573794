import { randomUUID } from "node:crypto";

import { expect, test, type APIRequestContext } from "@playwright/test";

import { disconnectTestDb, unsafeCreateUser } from "../../lib/testing/factories";

// The per-account limit keeps its default in the e2e server (5 failures per 15 minutes); each test uses an
// account of its own, so no test locks another's.
const accountLimit = 5;

test.afterAll(async () => {
  await disconnectTestDb();
});

async function postCredentials(request: APIRequestContext, email: string, password: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/documents" },
    maxRedirects: 0,
  });
}

test("the credentials endpoint answers 429 with Retry-After once an account has had its failures", async ({ request }) => {
  const user = await unsafeCreateUser("Locked out");
  for (let attempt = 1; attempt <= accountLimit; attempt += 1) {
    const failure = await postCredentials(request, user.email, `wrong-password-${attempt}`);
    expect(failure.status(), `attempt ${attempt} is an ordinary failure`).toBe(302);
    expect(failure.headers().location).toContain("error=CredentialsSignin");
  }
  // Locked: even the right password is refused, before Auth.js runs.
  const limited = await postCredentials(request, user.email, user.password);
  expect(limited.status()).toBe(429);
  const retryAfter = Number(limited.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(14 * 60);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  expect(await limited.json()).toMatchObject({
    error: { code: "rate_limited", message: "Too many attempts. Try again in 15 minutes." },
  });
  expect(limited.headers()["set-cookie"] ?? "").not.toContain("session-token");
});

test("an email without an account is limited exactly the same way (the answer reveals nothing)", async ({ request }) => {
  const nobody = `nobody.${randomUUID().slice(0, 8)}@example.test`;
  for (let attempt = 1; attempt <= accountLimit; attempt += 1) {
    expect((await postCredentials(request, nobody, "some-password")).status()).toBe(302);
  }
  const limited = await postCredentials(request, nobody, "some-password");
  expect(limited.status()).toBe(429);
  expect(await limited.json()).toMatchObject({ error: { code: "rate_limited", message: "Too many attempts. Try again in 15 minutes." } });
});

test("a successful sign-in resets the count: failures before it do not add up", async ({ request }) => {
  const user = await unsafeCreateUser("Forgetful");
  for (let attempt = 1; attempt < accountLimit; attempt += 1) await postCredentials(request, user.email, "not-it");
  expect((await postCredentials(request, user.email, user.password)).headers().location).toMatch(/\/documents$/u);
  for (let attempt = 1; attempt <= accountLimit; attempt += 1) {
    expect((await postCredentials(request, user.email, "not-it")).status()).toBe(302);
  }
  expect((await postCredentials(request, user.email, "not-it")).status()).toBe(429);
});

test("the sign-in form says when to try again, and other accounts still sign in", async ({ page, request }) => {
  const user = await unsafeCreateUser("Form locked");
  const other = await unsafeCreateUser("Form fine");
  for (let attempt = 1; attempt <= accountLimit; attempt += 1) await postCredentials(request, user.email, "not-it");

  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Too many attempts. Try again in 15 minutes.");
  await expect(page).toHaveURL(/\/sign-in/u);

  await page.getByLabel("Email").fill(other.email);
  await page.getByLabel("Password").fill(other.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/documents$/u);
});

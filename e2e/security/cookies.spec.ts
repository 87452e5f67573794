import { expect, test } from "@playwright/test";

import { signInThroughApi } from "../fixtures/auth";
import { disconnectTestDb, unsafeCreateUser } from "../../lib/testing/factories";

test.afterAll(async () => {
  await disconnectTestDb();
});

test("over http the session cookie is HttpOnly and SameSite=Lax (and not Secure, or the browser would drop it)", async ({ browser }) => {
  const user = await unsafeCreateUser("Cookie http");
  const context = await browser.newContext();
  await signInThroughApi(context, user);
  const session = (await context.cookies()).find((cookie) => cookie.name === "authjs.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  // Lasts as long as the session row (30 days), not just the browser session.
  expect(session!.expires * 1000).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
  await context.close();
});

test("behind a TLS proxy (X-Forwarded-Proto: https) the session cookie is __Secure-, Secure, HttpOnly, SameSite=Lax", async ({ playwright, baseURL }) => {
  const user = await unsafeCreateUser("Cookie https");
  // A bare client: the https cookies are Secure, so a cookie jar would not send them back over http.
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  const csrf = await client.get("/api/auth/csrf");
  const csrfCookie = csrf.headersArray().find((header) => header.name.toLowerCase() === "set-cookie" && header.value.startsWith("__Host-authjs.csrf-token="));
  expect(csrfCookie?.value).toMatch(/; Secure/iu);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await client.post("/api/auth/callback/credentials", {
    headers: { Cookie: csrfCookie!.value.split(";")[0]! },
    form: { csrfToken, email: user.email, password: user.password, callbackUrl: "/documents" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const sessionCookie = response
    .headersArray()
    .find((header) => header.name.toLowerCase() === "set-cookie" && header.value.startsWith("__Secure-authjs.session-token="));
  expect(sessionCookie, "a __Secure- session cookie").toBeTruthy();
  const attributes = sessionCookie!.value.split(";").map((part) => part.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
  await client.dispose();
});

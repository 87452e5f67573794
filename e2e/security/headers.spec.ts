import { expect, test, type APIResponse } from "@playwright/test";

/** The nonce of a response's CSP, after checking the policy forbids inline and eval'd scripts. */
function expectStrictPolicy(response: APIResponse): string {
  const headers = response.headers();
  const policy = headers["content-security-policy"] ?? "";
  const scriptSrc = policy.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src ")) ?? "";
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/u.exec(scriptSrc)?.[1];
  expect(nonce, `script-src has a nonce: ${policy}`).toBeTruthy();
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'", "connect-src 'self'"]) {
    expect(policy).toContain(directive);
  }
  expectStaticHeaders(response);
  return nonce!;
}

function expectStaticHeaders(response: APIResponse): void {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
}

test("a page carries the security headers, and its nonce is on every script and fresh for every response", async ({ request }) => {
  const first = await request.get("/sign-in");
  expect(first.status()).toBe(200);
  const nonce = expectStrictPolicy(first);
  const html = await first.text();
  const scripts = html.match(/<script\b[^>]*>/gu) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  const second = await request.get("/sign-in");
  expect(expectStrictPolicy(second)).not.toBe(nonce);
});

/** JSON API responses: a policy under which nothing loads, runs or frames them, plus the static headers. */
function expectApiPolicy(response: APIResponse): void {
  const policy = response.headers()["content-security-policy"] ?? "";
  for (const directive of ["default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'"]) {
    expect(policy).toContain(directive);
  }
  expect(policy).not.toContain("unsafe");
  expectStaticHeaders(response);
}

test("API responses carry the security headers too", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expectApiPolicy(health);
  const anonymous = await request.get("/api/documents");
  expect(anonymous.status()).toBe(401);
  expectApiPolicy(anonymous);
  const missing = await request.get("/api/claims/nope");
  expect(missing.status()).toBe(401);
  expectApiPolicy(missing);
  // Auth.js's endpoints can answer with HTML: they keep the page policy with a nonce.
  expectStrictPolicy(await request.get("/api/auth/csrf"));
});

test("pages rendered without a route (not found) and redirects are per request, with a nonce", async ({ request }) => {
  const missing = await request.get(`/no-such-page-${Date.now()}`);
  expect(missing.status()).toBe(404);
  const nonce = expectStrictPolicy(missing);
  const html = await missing.text();
  expect(html).toContain("Page not found");
  for (const script of html.match(/<script\b[^>]*>/gu) ?? []) expect(script).toContain(`nonce="${nonce}"`);
  const home = await request.get("/", { maxRedirects: 0 });
  expect([307, 308]).toContain(home.status());
  expectStrictPolicy(home);
});

test("a client cannot plant its own nonce", async ({ request }) => {
  const response = await request.get("/sign-in", {
    headers: { "Content-Security-Policy": "script-src 'nonce-AAAAAAAAAAAAAAAAAAAAAA=='", "x-nonce": "AAAAAAAAAAAAAAAAAAAAAA==" },
  });
  const nonce = expectStrictPolicy(response);
  expect(nonce).not.toBe("AAAAAAAAAAAAAAAAAAAAAA==");
  expect(await response.text()).not.toContain('nonce="AAAAAAAAAAAAAAAAAAAAAA=="');
});

test("build assets skip the proxy but still get the static headers", async ({ request }) => {
  const html = await (await request.get("/sign-in")).text();
  const asset = /src="(\/_next\/static\/[^"]+\.js)"/u.exec(html)?.[1];
  expect(asset).toBeTruthy();
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expectStaticHeaders(response);
  expect(response.headers()["content-security-policy"]).toBeUndefined();
});

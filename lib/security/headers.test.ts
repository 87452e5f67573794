import { describe, expect, it } from "vitest";

import { buildContentSecurityPolicy, createNonce, staticSecurityHeaders } from "@/lib/security/headers";

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/u);
      return [name, values];
    }),
  );
}

describe("createNonce", () => {
  it("is 128 bits of base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/u);
  });
});

describe("buildContentSecurityPolicy", () => {
  const nonce = createNonce();

  it("production: scripts only with the nonce, never inline or eval", () => {
    const policy = directives(buildContentSecurityPolicy({ nonce, isDevelopment: false }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(policy.get("font-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("development adds only 'unsafe-eval' to scripts (React's dev tooling)", () => {
    const policy = directives(buildContentSecurityPolicy({ nonce, isDevelopment: true }));
    expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", "'unsafe-eval'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
  });

  it("lets sign-in forms reach the enabled OAuth providers", () => {
    const policy = directives(
      buildContentSecurityPolicy({ nonce, isDevelopment: false, formActionOrigins: ["https://github.com", "https://sso.example"] }),
    );
    expect(policy.get("form-action")).toEqual(["'self'", "https://github.com", "https://sso.example"]);
  });

  it.each(["", "short", "abc'; script-src *", "a b c d e f g h i j k"])("refuses the nonce %j (it would break out of the header)", (bad) => {
    expect(() => buildContentSecurityPolicy({ nonce: bad, isDevelopment: false })).toThrow(/nonce/u);
  });
});

describe("staticSecurityHeaders", () => {
  it("turns off sniffing, cross-origin referrers, framing, camera, microphone and geolocation", () => {
    expect(Object.fromEntries(staticSecurityHeaders)).toEqual({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      "X-Frame-Options": "DENY",
    });
  });
});

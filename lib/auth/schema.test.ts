import { describe, expect, it } from "vitest";

import { authLimits, emailSchema, signInSchema, signUpSchema, toSafeRedirectPath } from "@/lib/auth/schema";

const origin = "https://margin.example";

/** What a browser would do with a redirect to `path` from a Margin page: it must stay on Margin. */
function isSameOriginPath(path: string): boolean {
  return path.startsWith("/") && !path.startsWith("//") && !path.includes("\\") && new URL(path, origin).origin === origin;
}

describe("toSafeRedirectPath", () => {
  it.each([
    { name: "protocol-relative", target: "//evil.com" },
    { name: "protocol-relative with path", target: "//evil.com/documents" },
    { name: "backslash after slash", target: "/\\evil.com" },
    { name: "slash then backslash then slash", target: "/\\/evil.com" },
    { name: "backslash only", target: "\\\\evil.com" },
    { name: "absolute https", target: "https://evil.com" },
    { name: "absolute http to our own path", target: "http://evil.com/documents" },
    { name: "scheme with one slash", target: "http:/evil.com" },
    { name: "javascript: URL", target: "javascript:alert(1)" },
    { name: "data: URL", target: "data:text/html,<script>alert(1)</script>" },
    { name: "bare host", target: "evil.com" },
    { name: "leading space", target: " /documents" },
    { name: "raw CR LF (header injection)", target: "/\r\nSet-Cookie: a=b" },
    { name: "tab that URL parsing would drop", target: "/\t/evil.com" },
    { name: "newline that URL parsing would drop", target: "/\n/evil.com" },
    { name: "NUL", target: "/documents\u0000" },
    { name: "DEL", target: "/documents\u007f" },
    { name: "bell", target: "/\u0007" },
    { name: "empty", target: "" },
    { name: "over 2048 characters", target: `/${"a".repeat(2048)}` },
    { name: "undefined", target: undefined },
    { name: "null", target: null },
    { name: "a number", target: 42 },
    { name: "an array", target: ["/documents"] },
    { name: "an object", target: { toString: () => "/documents" } },
    { name: "a URL object", target: new URL("https://evil.com") },
  ])("$name → /", ({ target }) => {
    expect(toSafeRedirectPath(target)).toBe("/");
  });

  it.each([
    { name: "root", target: "/", expected: "/" },
    { name: "a document with query and hash", target: "/documents/x?claim=y#z", expected: "/documents/x?claim=y#z" },
    { name: "several query parameters", target: "/documents/abc?claim=1&tag=energy", expected: "/documents/abc?claim=1&tag=energy" },
    { name: "exactly 2048 characters", target: `/${"a".repeat(2047)}`, expected: `/${"a".repeat(2047)}` },
    // Normalised by the URL parser, and still on our origin.
    { name: "a dot segment", target: "/a/../b", expected: "/b" },
    { name: "non-ASCII, percent-encoded", target: "/documenten/ä", expected: "/documenten/%C3%A4" },
    // Encoded characters stay encoded: harmless in a path, and never decoded into CR LF or a second slash.
    { name: "encoded CR LF", target: "/%0d%0a", expected: "/%0d%0a" },
    { name: "encoded slashes", target: "/%2F%2Fevil.com", expected: "/%2F%2Fevil.com" },
    { name: "encoded backslash", target: "/%5Cevil.com", expected: "/%5Cevil.com" },
  ])("$name → $expected", ({ target, expected }) => {
    const result = toSafeRedirectPath(target);
    expect(result).toBe(expected);
    expect(isSameOriginPath(result)).toBe(true);
  });

  // Regression: dot segments resolve to a protocol-relative "//evil.com" after parsing, which a redirect would
  // follow off-site; the path is checked again after parsing.
  it.each([
    { name: "a dot segment before //", target: "/.//evil.com" },
    { name: "a double-dot segment before //", target: "/..//evil.com" },
    { name: "a percent-encoded dot segment before //", target: "/%2e//evil.com" },
    { name: "a percent-encoded double-dot segment before //", target: "/%2E%2E//evil.com" },
    { name: "a segment walked back before //", target: "/a/..//evil.com" },
  ])("$name stays on Margin (open redirect)", ({ target }) => {
    expect(toSafeRedirectPath(target)).toBe("/");
  });
});

describe("emailSchema", () => {
  it.each([
    { input: "ana@example.com", expected: "ana@example.com" },
    { input: "  Ana.De.Vries@Example.COM ", expected: "ana.de.vries@example.com" },
  ])("$input → $expected", ({ input, expected }) => {
    expect(emailSchema.parse(input)).toBe(expected);
  });

  it.each(["", "ana", "ana@", "@example.com", "ana @example.com", `${"a".repeat(authLimits.emailMax)}@example.com`])(
    "rejects %j",
    (input) => {
      expect(emailSchema.safeParse(input).success).toBe(false);
    },
  );
});

describe("signUpSchema and signInSchema", () => {
  const valid = { name: "Ana", email: "ana@example.com", password: "a".repeat(authLimits.passwordMin) };

  it.each([
    { name: "valid", input: valid, ok: true },
    { name: "name trimmed to nothing", input: { ...valid, name: "   " }, ok: false },
    { name: "name over the cap", input: { ...valid, name: "n".repeat(authLimits.nameMax + 1) }, ok: false },
    { name: "password one short", input: { ...valid, password: "a".repeat(authLimits.passwordMin - 1) }, ok: false },
    { name: "password over the cap", input: { ...valid, password: "a".repeat(authLimits.passwordMax + 1) }, ok: false },
  ])("sign up: $name → ok: $ok", ({ input, ok }) => {
    expect(signUpSchema.safeParse(input).success).toBe(ok);
  });

  it("keeps the password exactly as typed (no trimming)", () => {
    expect(signUpSchema.parse({ ...valid, password: "  spaces kept  " }).password).toBe("  spaces kept  ");
    expect(signInSchema.parse({ email: "ANA@example.com", password: " p " })).toEqual({ email: "ana@example.com", password: " p " });
  });

  it.each([{ password: "" }, { password: "a".repeat(authLimits.passwordMax + 1) }])("sign in rejects a password of length $password.length", ({ password }) => {
    expect(signInSchema.safeParse({ email: "ana@example.com", password }).success).toBe(false);
  });
});

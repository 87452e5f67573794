import { describe, expect, it } from "vitest";

import { listEnabledOAuthProviders } from "@/lib/auth/oauth-config";
import { buildOAuthProviders, toOAuthIdentity } from "@/lib/auth/oauth-providers";
import { getOAuthEnv } from "@/lib/env";

const github = { AUTH_GITHUB_ID: "gh-id", AUTH_GITHUB_SECRET: "gh-secret" };
const google = { AUTH_GOOGLE_ID: "google-id", AUTH_GOOGLE_SECRET: "google-secret" };
const oidc = { AUTH_OIDC_ISSUER: "https://sso.example.org/realms/news/", AUTH_OIDC_ID: "oidc-id", AUTH_OIDC_SECRET: "oidc-secret" };

describe("listEnabledOAuthProviders (from the environment)", () => {
  it.each([
    { name: "nothing set: none (email and password only)", env: {}, expected: [] },
    { name: "blank values count as unset", env: { AUTH_GITHUB_ID: " ", AUTH_GITHUB_SECRET: "" }, expected: [] },
    { name: "an id without its secret: off", env: { AUTH_GITHUB_ID: "gh-id", AUTH_GOOGLE_SECRET: "x" }, expected: [] },
    { name: "OIDC without an issuer: off", env: { AUTH_OIDC_ID: "a", AUTH_OIDC_SECRET: "b" }, expected: [] },
    { name: "GitHub", env: github, expected: [{ id: "github", name: "GitHub", authorizationOrigin: "https://github.com" }] },
    { name: "Google", env: google, expected: [{ id: "google", name: "Google", authorizationOrigin: "https://accounts.google.com" }] },
    {
      name: "OIDC, named by default",
      env: oidc,
      expected: [{ id: "oidc", name: "Single sign-on", authorizationOrigin: "https://sso.example.org" }],
    },
    {
      name: "all three, in button order, OIDC with its own name",
      env: { ...oidc, ...google, ...github, AUTH_OIDC_NAME: "Newsroom SSO" },
      expected: [
        { id: "github", name: "GitHub", authorizationOrigin: "https://github.com" },
        { id: "google", name: "Google", authorizationOrigin: "https://accounts.google.com" },
        { id: "oidc", name: "Newsroom SSO", authorizationOrigin: "https://sso.example.org" },
      ],
    },
  ])("$name", ({ env, expected }) => {
    expect(listEnabledOAuthProviders(getOAuthEnv(env))).toEqual(expected);
  });

  it("never exposes a client secret", () => {
    const listed = JSON.stringify(listEnabledOAuthProviders(getOAuthEnv({ ...github, ...google, ...oidc })));
    for (const secret of ["gh-secret", "google-secret", "oidc-secret"]) expect(listed).not.toContain(secret);
  });

  it.each([
    { name: "an issuer that is not a URL", env: { ...oidc, AUTH_OIDC_ISSUER: "sso.example.org" } },
    { name: "an issuer with another scheme", env: { ...oidc, AUTH_OIDC_ISSUER: "ftp://sso.example.org" } },
    { name: "an over-long button name", env: { ...oidc, AUTH_OIDC_NAME: "x".repeat(41) } },
  ])("refuses $name, loudly", ({ env }) => {
    expect(() => getOAuthEnv(env)).toThrow(/Invalid environment/u);
  });
});

describe("buildOAuthProviders", () => {
  it("builds no provider by default", () => {
    expect(buildOAuthProviders(getOAuthEnv({}))).toEqual([]);
  });

  it("configures each enabled provider with its credentials", () => {
    const providers = buildOAuthProviders(getOAuthEnv({ ...github, ...google, ...oidc }));
    const summary = providers.map((provider) => {
      const config = typeof provider === "function" ? provider() : provider;
      const options = (config as { options?: Record<string, unknown> }).options ?? {};
      const merged = { ...config, ...options } as Record<string, unknown>;
      return { id: merged.id, type: merged.type, clientId: merged.clientId, clientSecret: merged.clientSecret, issuer: merged.issuer };
    });
    expect(summary).toEqual([
      { id: "github", type: "oauth", clientId: "gh-id", clientSecret: "gh-secret", issuer: expect.any(String) },
      { id: "google", type: "oidc", clientId: "google-id", clientSecret: "google-secret", issuer: "https://accounts.google.com" },
      { id: "oidc", type: "oidc", clientId: "oidc-id", clientSecret: "oidc-secret", issuer: "https://sso.example.org/realms/news" },
    ]);
  });

  it("asks GitHub for the verified primary email (a custom userinfo request)", () => {
    const [provider] = buildOAuthProviders(getOAuthEnv(github));
    const config = (typeof provider === "function" ? provider() : provider) as { options?: { userinfo?: { request?: unknown } } };
    expect(typeof config.options?.userinfo?.request).toBe("function");
  });
});

describe("toOAuthIdentity", () => {
  it.each([
    {
      name: "Google, email verified",
      provider: "google",
      profile: { sub: "1098", email: "Ana@Example.com", email_verified: true, name: "Ana de Vries" },
      expected: { provider: "google", providerAccountId: "1098", email: "ana@example.com", emailVerified: true, name: "Ana de Vries" },
    },
    {
      name: "OIDC, email_verified missing → unverified",
      provider: "oidc",
      profile: { sub: "abc", email: "ana@example.com", preferred_username: "ana" },
      expected: { provider: "oidc", providerAccountId: "abc", email: "ana@example.com", emailVerified: false, name: "ana" },
    },
    {
      name: "OIDC, email_verified as the string \"true\" → unverified",
      provider: "oidc",
      profile: { sub: "abc", email: "ana@example.com", email_verified: "true", name: "Ana" },
      expected: { provider: "oidc", providerAccountId: "abc", email: "ana@example.com", emailVerified: false, name: "Ana" },
    },
    {
      name: "GitHub: numeric id, login as the name",
      provider: "github",
      profile: { id: 583231, login: "octocat", name: null, email: "octo@example.com", email_verified: true },
      expected: { provider: "github", providerAccountId: "583231", email: "octo@example.com", emailVerified: true, name: "octocat" },
    },
    {
      name: "no email at all",
      provider: "github",
      profile: { id: 7, login: "ghost", email: null },
      expected: { provider: "github", providerAccountId: "7", email: null, emailVerified: false, name: "ghost" },
    },
    {
      name: "an invalid email, claimed verified → no email, not verified",
      provider: "google",
      profile: { sub: "1", email: "not an email", email_verified: true },
      expected: { provider: "google", providerAccountId: "1", email: null, emailVerified: false, name: "Margin user" },
    },
    {
      name: "no name: the email's local part",
      provider: "google",
      profile: { sub: "2", email: "lena@example.com", email_verified: true },
      expected: { provider: "google", providerAccountId: "2", email: "lena@example.com", emailVerified: true, name: "lena" },
    },
  ])("$name", ({ provider, profile, expected }) => {
    expect(toOAuthIdentity(provider, profile)).toEqual(expected);
  });

  it("caps a long name at the sign-up limit", () => {
    expect(toOAuthIdentity("google", { sub: "3", name: "N".repeat(500) })?.name).toHaveLength(80);
  });

  it.each([
    { name: "no profile", provider: "google", profile: undefined },
    { name: "an unknown provider", provider: "credentials", profile: { sub: "1" } },
    { name: "OIDC without sub", provider: "oidc", profile: { id: "1", email: "a@example.com" } },
    { name: "GitHub without id", provider: "github", profile: { sub: "1", login: "x" } },
    { name: "a blank id", provider: "google", profile: { sub: "   " } },
    { name: "an object as id", provider: "github", profile: { id: { toString: (): string => "1" } } },
  ])("$name → null (nothing stable to link to)", ({ provider, profile }) => {
    expect(toOAuthIdentity(provider, profile)).toBeNull();
  });
});

import type { OAuthEnvironment } from "@/lib/env";

/**
 * Optional OAuth/OIDC sign-in, next to email and password: which providers are on. Each is on only when all of
 * its variables are set (validated in lib/env.ts); none is on by default. Pure and free of Auth.js, so the sign-in
 * page and the proxy (proxy.ts, for the CSP) can use it cheaply.
 */

export const oauthProviderIds = ["github", "google", "oidc"] as const;
export type OAuthProviderId = (typeof oauthProviderIds)[number];

/** What the sign-in page needs to draw a button, and the proxy needs for its CSP. */
export type EnabledOAuthProvider = {
  id: OAuthProviderId;
  /** "GitHub", "Google", or AUTH_OIDC_NAME ("Single sign-on" when unset). */
  name: string;
  /**
   * Where the browser is sent to sign in. A sign-in form without JavaScript is answered with a redirect there,
   * which the CSP's form-action must allow. For generic OIDC this is the issuer's origin, which is where
   * nearly every provider serves its authorization endpoint.
   */
  authorizationOrigin: string;
};

export type OAuthProviderSettings = EnabledOAuthProvider & { clientId: string; clientSecret: string; issuer?: string };

/** The enabled providers with their client credentials (for Auth.js only; never sent to a page). */
export function enabledOAuthProviderSettings(env: OAuthEnvironment): OAuthProviderSettings[] {
  const providers: OAuthProviderSettings[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    providers.push({
      id: "github",
      name: "GitHub",
      authorizationOrigin: "https://github.com",
      clientId: env.AUTH_GITHUB_ID,
      clientSecret: env.AUTH_GITHUB_SECRET,
    });
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    providers.push({
      id: "google",
      name: "Google",
      authorizationOrigin: "https://accounts.google.com",
      clientId: env.AUTH_GOOGLE_ID,
      clientSecret: env.AUTH_GOOGLE_SECRET,
    });
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    providers.push({
      id: "oidc",
      name: env.AUTH_OIDC_NAME ?? "Single sign-on",
      authorizationOrigin: new URL(env.AUTH_OIDC_ISSUER).origin,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      issuer: env.AUTH_OIDC_ISSUER.replace(/\/+$/u, ""),
    });
  }
  return providers;
}

/** The OAuth/OIDC providers switched on by the environment, in button order; never their secrets. */
export function listEnabledOAuthProviders(env: OAuthEnvironment): EnabledOAuthProvider[] {
  return enabledOAuthProviderSettings(env).map(({ id, name, authorizationOrigin }) => ({ id, name, authorizationOrigin }));
}


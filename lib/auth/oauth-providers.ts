import type { Provider } from "next-auth/providers";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";

import { enabledOAuthProviderSettings, oauthProviderIds, type OAuthProviderId } from "@/lib/auth/oauth-config";
import { authLimits, emailSchema } from "@/lib/auth/schema";
import type { OAuthEnvironment } from "@/lib/env";

/**
 * Auth.js's side of the optional OAuth/OIDC sign-in (which providers are on: lib/auth/oauth-config.ts), and
 * reading what a provider says about the person. Pure: unit-tested without a network or a database.
 */

/** The Auth.js provider configurations for the enabled providers (credentials are added by lib/auth/next-auth.ts). */
export function buildOAuthProviders(env: OAuthEnvironment): Provider[] {
  return enabledOAuthProviderSettings(env).map((settings): Provider => {
    switch (settings.id) {
      case "github":
        return GitHub({
          clientId: settings.clientId,
          clientSecret: settings.clientSecret,
          // Auth.js's GitHub profile falls back to *any* listed email; ask for the primary one and whether GitHub
          // verified it, because only a verified email may be linked to an existing Margin account.
          userinfo: { request: fetchGitHubProfileWithVerifiedEmail },
        });
      case "google":
        return Google({ clientId: settings.clientId, clientSecret: settings.clientSecret });
      case "oidc":
        return {
          id: "oidc",
          name: settings.name,
          type: "oidc",
          issuer: settings.issuer,
          clientId: settings.clientId,
          clientSecret: settings.clientSecret,
          checks: ["pkce", "state"],
        };
    }
  });
}

type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/** GitHub's /user, with `email` and `email_verified` taken from /user/emails' primary address. */
async function fetchGitHubProfileWithVerifiedEmail({ tokens }: { tokens: { access_token?: string } }) {
  const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "margin", Accept: "application/vnd.github+json" };
  const profileResponse = await fetch("https://api.github.com/user", { headers });
  if (!profileResponse.ok) throw new Error(`GitHub /user answered ${profileResponse.status}`);
  const profile = (await profileResponse.json()) as Record<string, unknown>;
  const emailsResponse = await fetch("https://api.github.com/user/emails", { headers });
  const emails = emailsResponse.ok ? ((await emailsResponse.json()) as GitHubEmail[]) : [];
  const primary = emails.find((entry) => entry.primary);
  return primary
    ? { ...profile, email: primary.email, email_verified: primary.verified }
    : { ...profile, email_verified: false };
}

/** Who a provider says signed in, reduced to what Margin needs to find or create the account. */
export type OAuthIdentity = {
  provider: OAuthProviderId;
  /** The provider's stable id for the person (OIDC `sub`, GitHub's numeric id). */
  providerAccountId: string;
  /** Lower-cased, or null when the provider gave none (or an invalid one). */
  email: string | null;
  /** True only when the provider explicitly says it verified the email. */
  emailVerified: boolean;
  name: string;
};

/**
 * Reads a provider's raw profile. Returns null when it carries no stable account id (nothing to link to).
 * `email_verified` must be literally `true`: Google and OIDC providers send it as a claim, and GitHub's comes
 * from /user/emails (above); anything else counts as unverified.
 */
export function toOAuthIdentity(provider: string, profile: Record<string, unknown> | undefined): OAuthIdentity | null {
  if (!profile || !(oauthProviderIds as readonly string[]).includes(provider)) return null;
  const rawId = provider === "github" ? profile.id : profile.sub;
  const providerAccountId = typeof rawId === "number" || typeof rawId === "string" ? String(rawId).trim() : "";
  if (!providerAccountId || providerAccountId.length > 255) return null;
  const parsedEmail = emailSchema.safeParse(profile.email);
  const email = parsedEmail.success ? parsedEmail.data : null;
  const nameCandidates = [profile.name, profile.preferred_username, profile.login, email?.split("@")[0]];
  const name = nameCandidates.find((candidate): candidate is string => typeof candidate === "string" && candidate.trim() !== "");
  return {
    provider: provider as OAuthProviderId,
    providerAccountId,
    email,
    emailVerified: email !== null && profile.email_verified === true,
    name: (name?.trim() ?? "Margin user").slice(0, authLimits.nameMax),
  };
}

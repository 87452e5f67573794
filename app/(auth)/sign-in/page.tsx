import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { OAuthSignInButtons } from "@/components/auth/oauth-sign-in-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActor } from "@/lib/auth/actor";
import { listEnabledOAuthProviders } from "@/lib/auth/oauth-config";
import { toSafeRedirectPath } from "@/lib/auth/schema";
import { getOAuthEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = { callbackUrl?: string | string[]; error?: string | string[] };

/**
 * Auth.js sends failed sign-ins back here with ?error=…. The messages stay generic: none says whether an
 * account exists.
 */
function describeSignInError(error: string | string[] | undefined): string | undefined {
  if (typeof error !== "string") return undefined;
  if (error === "CredentialsSignin") return "Email or password is incorrect.";
  if (error === "AccessDenied") {
    return "We could not sign you in with that account. If you already have a Margin account with its email, sign in with your password.";
  }
  return "Signing in did not work. Please try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, error } = await searchParams;
  const target = toSafeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : "/");
  if (await getActor()) redirect(target);
  const providers = listEnabledOAuthProviders(getOAuthEnv()).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sign in to Margin</h1>
      <p className="mb-6 text-sm text-stone-600">Highlight, tag and discuss the claims in an article with your team.</p>
      <SignInForm callbackUrl={target} initialMessage={describeSignInError(error)} />
      <OAuthSignInButtons providers={providers} callbackUrl={target} />
    </>
  );
}

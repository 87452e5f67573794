import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { OAuthSignInButtons } from "@/components/auth/oauth-sign-in-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getActor } from "@/lib/auth/actor";
import { listEnabledOAuthProviders } from "@/lib/auth/oauth-config";
import { toSafeRedirectPath } from "@/lib/auth/schema";
import { getOAuthEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("metaTitle") };
}

type SearchParams = { callbackUrl?: string | string[]; error?: string | string[] };

/**
 * Auth.js sends failed sign-ins back here with ?error=…. The messages stay generic: none says whether an
 * account exists.
 */
async function describeSignInError(error: string | string[] | undefined): Promise<string | undefined> {
  if (typeof error !== "string") return undefined;
  const t = await getTranslations("auth.signIn");
  if (error === "CredentialsSignin") return t("errorCredentials");
  if (error === "AccessDenied") return t("errorAccessDenied");
  return t("errorOther");
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { callbackUrl, error } = await searchParams;
  const target = toSafeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : "/");
  if (await getActor()) redirect(target);
  const providers = listEnabledOAuthProviders(getOAuthEnv()).map(({ id, name }) => ({ id, name }));
  const t = await getTranslations("auth.signIn");
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mb-6 text-sm text-stone-600">{t("intro")}</p>
      <SignInForm callbackUrl={target} initialMessage={await describeSignInError(error)} />
      <OAuthSignInButtons providers={providers} callbackUrl={target} />
    </>
  );
}

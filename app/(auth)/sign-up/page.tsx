import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { SignUpForm } from "@/components/auth/sign-up-form";
import { getActor } from "@/lib/auth/actor";
import { toSafeRedirectPath } from "@/lib/auth/schema";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("metaTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const target = toSafeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : "/");
  if (await getActor()) redirect(target);
  const t = await getTranslations("auth.signUp");
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mb-6 text-sm text-stone-600">{t("intro")}</p>
      <SignUpForm callbackUrl={target} />
    </>
  );
}

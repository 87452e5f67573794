import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { getActor } from "@/lib/auth/actor";
import { toSafeRedirectPath } from "@/lib/auth/schema";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const target = toSafeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : "/");
  if (await getActor()) redirect(target);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sign in to Margin</h1>
      <p className="mb-6 text-sm text-stone-600">Highlight, tag and discuss the claims in an article with your team.</p>
      <SignInForm callbackUrl={target} />
    </>
  );
}

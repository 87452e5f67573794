import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignUpForm } from "@/components/auth/sign-up-form";
import { getActor } from "@/lib/auth/actor";
import { toSafeRedirectPath } from "@/lib/auth/schema";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const { callbackUrl } = await searchParams;
  const target = toSafeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : "/");
  if (await getActor()) redirect(target);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Create your Margin account</h1>
      <p className="mb-6 text-sm text-stone-600">You will land on your team&apos;s documents.</p>
      <SignUpForm callbackUrl={target} />
    </>
  );
}

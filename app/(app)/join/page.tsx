import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { JoinCodeForm } from "@/components/teams/join-code-form";
import { requirePageActor } from "@/lib/auth/actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("join");
  return { title: t("title") };
}

export default async function JoinPage() {
  await requirePageActor("/join");
  const t = await getTranslations("join");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mb-6 text-sm text-stone-600">{t("intro")}</p>
      <JoinCodeForm />
    </main>
  );
}

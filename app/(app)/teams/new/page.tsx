import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { CreateTeamForm } from "@/components/teams/create-team-form";
import { requirePageActor } from "@/lib/auth/actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams.create");
  return { title: t("title") };
}

export default async function NewTeamPage() {
  await requirePageActor("/teams/new");
  const t = await getTranslations("teams.create");
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mb-6 text-sm text-stone-600">{t("intro")}</p>
      <CreateTeamForm />
    </main>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AddDocumentForm } from "@/components/documents/import/add-document-form";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/actor";
import { getTeamForActor } from "@/lib/teams/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams.newDocument");
  return { title: t("title") };
}

export default async function NewDocumentPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/documents/new`);
  const [team, t] = await Promise.all([getTeamForActor(actor, teamId), getTranslations("teams.newDocument")]);
  return (
    <section aria-labelledby="new-document-heading" className="flex flex-col gap-4">
      <h2 id="new-document-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {team.abilities.canAddDocuments ? (
        <AddDocumentForm teamId={team.id} />
      ) : (
        <Alert tone="info">{t("onlyModerators")}</Alert>
      )}
    </section>
  );
}

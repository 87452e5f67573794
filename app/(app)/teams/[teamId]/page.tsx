import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { DocumentList } from "@/components/documents/document-list";
import { requirePageActor } from "@/lib/auth/actor";
import { listDocumentsForTeam } from "@/lib/documents/service";
import { getTeamForActor } from "@/lib/teams/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("teams.documents");
  return { title: t("title") };
}

export default async function TeamDocumentsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}`);
  const [team, documents, t] = await Promise.all([
    getTeamForActor(actor, teamId),
    listDocumentsForTeam(actor, teamId),
    getTranslations("teams.documents"),
  ]);
  return (
    <section aria-labelledby="documents-heading" className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h2 id="documents-heading" className="text-lg font-semibold">
          {t("heading")}
        </h2>
        {team.abilities.canAddDocuments ? (
          <Link href={`/teams/${team.id}/documents/new`} className="rounded-md bg-stone-900 px-3 py-2 text-sm font-medium text-white hover:bg-stone-700">
            {t("add")}
          </Link>
        ) : null}
      </div>
      {documents.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center">
          <p className="font-medium">{t("empty")}</p>
          <p className="mt-1 text-sm text-stone-600">
            {team.abilities.canAddDocuments ? t("emptyCanAdd") : t("emptyCannotAdd")}
          </p>
        </div>
      ) : (
        <DocumentList documents={documents} />
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { requirePageActor } from "@/lib/auth/actor";
import { DocumentList } from "@/components/documents/document-list";
import { listDocumentsForActor } from "@/lib/documents/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("documentList");
  return { title: t("metaTitle") };
}

export default async function DocumentsPage() {
  const actor = await requirePageActor("/documents");
  const [documents, t] = await Promise.all([listDocumentsForActor(actor), getTranslations("documentList")]);
  const teams = groupByTeam(documents);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      {documents.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center">
          <p className="font-medium">{t("emptyTitle")}</p>
          <p className="mt-1 text-sm text-stone-600">{t("emptyBody")}</p>
          <p className="mt-4 flex justify-center gap-4 text-sm font-medium">
            <Link href="/teams/new" className="underline">
              {t("createTeam")}
            </Link>
            <Link href="/join" className="underline">
              {t("joinWithCode")}
            </Link>
          </p>
        </div>
      ) : (
        [...teams].map(([teamId, teamDocuments]) => (
          <section key={teamId} aria-labelledby={`team-${teamId}`} className="mb-8">
            <h2 id={`team-${teamId}`} className="mb-3 text-sm font-semibold tracking-wide text-stone-500 uppercase">
              <Link href={`/teams/${teamId}`} className="hover:underline">
                {teamDocuments[0]?.teamName}
              </Link>
            </h2>
            <DocumentList documents={teamDocuments} />
          </section>
        ))
      )}
    </main>
  );
}

/** Documents by team id (team names need not be unique), in the order the teams first appear. */
function groupByTeam<T extends { teamId: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.teamId, [...(groups.get(item.teamId) ?? []), item]);
  return groups;
}

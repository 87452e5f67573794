import type { Metadata } from "next";
import Link from "next/link";

import { DocumentList } from "@/components/documents/document-list";
import { requirePageActor } from "@/lib/auth/actor";
import { listDocumentsForTeam } from "@/lib/documents/service";
import { getTeamForActor } from "@/lib/teams/service";

export const metadata: Metadata = { title: "Team documents" };

export default async function TeamDocumentsPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}`);
  const [team, documents] = await Promise.all([getTeamForActor(actor, teamId), listDocumentsForTeam(actor, teamId)]);
  return (
    <section aria-labelledby="documents-heading" className="flex flex-col gap-4">
      <div className="flex items-center justify-between">
        <h2 id="documents-heading" className="text-lg font-semibold">
          Documents
        </h2>
        {team.abilities.canAddDocuments ? (
          <Link href={`/teams/${team.id}/documents/new`} className="rounded-md bg-stone-900 px-3 py-2 text-sm font-medium text-white hover:bg-stone-700">
            Add a document
          </Link>
        ) : null}
      </div>
      {documents.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center">
          <p className="font-medium">No documents yet</p>
          <p className="mt-1 text-sm text-stone-600">
            {team.abilities.canAddDocuments ? "Add an article to start annotating it with your team." : "An owner or moderator can add one."}
          </p>
        </div>
      ) : (
        <DocumentList documents={documents} />
      )}
    </section>
  );
}

import type { Metadata } from "next";

import { AddDocumentForm } from "@/components/teams/add-document-form";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/actor";
import { getTeamForActor } from "@/lib/teams/service";

export const metadata: Metadata = { title: "Add a document" };

export default async function NewDocumentPage({ params }: { params: Promise<{ teamId: string }> }) {
  const { teamId } = await params;
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/documents/new`);
  const team = await getTeamForActor(actor, teamId);
  return (
    <section aria-labelledby="new-document-heading" className="flex flex-col gap-4">
      <h2 id="new-document-heading" className="text-lg font-semibold">
        Add a document
      </h2>
      {team.abilities.canAddDocuments ? (
        <AddDocumentForm teamId={team.id} />
      ) : (
        <Alert tone="info">Only owners and moderators add documents to this team.</Alert>
      )}
    </section>
  );
}

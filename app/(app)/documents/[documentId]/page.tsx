import type { Metadata } from "next";

import { loadDocument } from "@/app/(app)/documents/[documentId]/load-document";
import { DocumentWorkspace } from "@/components/documents/document-workspace";
import { requirePageActor } from "@/lib/auth/actor";
import { listClaimsForDocument } from "@/lib/claims/service";
import { getDocumentLiveSeq } from "@/lib/realtime/service";
import { listTagsForTeam } from "@/lib/tags/service";
import { recordDocumentRead } from "@/lib/versions/reads";

type PageProps = { params: Promise<{ documentId: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { documentId } = await params;
  const actor = await requirePageActor(`/documents/${documentId}`);
  const document = await loadDocument(actor, documentId);
  return { title: document.title };
}

export default async function DocumentPage({ params }: PageProps) {
  const { documentId } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}`);
  const document = await loadDocument(actor, documentId);
  // The live seq is read first, the data after it: a change committed in between is then both in the data and
  // replayed by the stream (applying it twice is harmless), never in neither. Read in parallel, the seq could
  // land after a change the claims query had already missed.
  const liveSeq = await getDocumentLiveSeq(actor, document.id);
  const [claims, tags, readMark] = await Promise.all([
    listClaimsForDocument(actor, document.id),
    listTagsForTeam(actor, document.teamId),
    // Records this visit and answers which version the reader saw last: "what changed since I last looked".
    recordDocumentRead(actor, document.id),
  ]);
  return (
    <main>
      <DocumentWorkspace
        article={{
          id: document.id,
          teamId: document.teamId,
          title: document.title,
          publishedOn: document.publishedOn,
          byline: document.byline,
          sourceUrl: document.sourceUrl,
          teamName: document.teamName,
          content: document.content,
          lang: document.lang,
          text: document.text,
          version: document.version,
          canCreateClaims: document.abilities.canCreateClaims,
          canEditDocument: document.abilities.canEditDocument,
          ratingScale: document.ratingScale,
          publication: document.publication,
          canPublish: document.abilities.canPublish,
        }}
        initialClaims={claims}
        initialTags={tags}
        liveSeq={liveSeq}
        currentUser={{ id: actor.userId, name: actor.name }}
        readMark={readMark}
      />
    </main>
  );
}

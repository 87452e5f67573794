import type { Metadata } from "next";
import Link from "next/link";

import { requirePageActor } from "@/lib/auth/actor";
import { listDocumentsForActor } from "@/lib/documents/service";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage() {
  const actor = await requirePageActor("/documents");
  const documents = await listDocumentsForActor(actor);
  const teams = Map.groupBy?.(documents, (document) => document.teamName) ?? groupByTeam(documents);
  return (
    <main className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Documents</h1>
      {documents.length === 0 ? (
        <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center">
          <p className="font-medium">No documents yet</p>
          <p className="mt-1 text-sm text-stone-600">
            Documents belong to teams. When a team you are in adds an article, it appears here.
          </p>
        </div>
      ) : (
        [...teams].map(([teamName, teamDocuments]) => (
          <section key={teamName} aria-labelledby={`team-${teamDocuments[0]?.teamId}`} className="mb-8">
            <h2 id={`team-${teamDocuments[0]?.teamId}`} className="mb-3 text-sm font-semibold tracking-wide text-stone-500 uppercase">
              {teamName}
            </h2>
            <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
              {teamDocuments.map((document) => (
                <li key={document.id} className="flex items-center justify-between gap-4 px-4 py-3">
                  <div>
                    <Link href={`/documents/${document.id}`} className="font-medium text-stone-900 hover:underline">
                      {document.title}
                    </Link>
                    {document.publishedOn ? <p className="text-sm text-stone-500">Published {document.publishedOn}</p> : null}
                  </div>
                  <span className="shrink-0 text-sm text-stone-500">
                    {document.claimCount} {document.claimCount === 1 ? "claim" : "claims"}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </main>
  );
}

function groupByTeam<T extends { teamName: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(item.teamName, [...(groups.get(item.teamName) ?? []), item]);
  return groups;
}

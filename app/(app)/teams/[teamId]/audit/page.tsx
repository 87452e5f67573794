import type { Metadata } from "next";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { listAuditEvents } from "@/lib/audit/service";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Audit log" };

export default async function TeamAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const [{ teamId }, { before }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/audit`);
  const page = await listAuditEvents(actor, teamId, { before: typeof before === "string" ? before : undefined }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "forbidden") return null;
    throw error;
  });
  if (!page) return <Alert tone="info">Only the team&apos;s owner can read its audit log.</Alert>;
  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-4">
      <h2 id="audit-heading" className="text-lg font-semibold">
        Audit log
      </h2>
      <p className="text-sm text-stone-600">Moderation, membership and role changes, newest first.</p>
      {page.items.length === 0 ? (
        <p className="text-sm text-stone-500">Nothing recorded yet.</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg border border-stone-200 bg-white text-sm">
          <caption className="sr-only">Audit log</caption>
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">When</th>
              <th scope="col" className="px-3 py-2 font-medium">Who</th>
              <th scope="col" className="px-3 py-2 font-medium">What</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {page.items.map((event) => (
              <tr key={event.id} data-audit-action={event.action}>
                <td className="px-3 py-2 whitespace-nowrap text-stone-600">
                  <time dateTime={event.createdAt}>{new Date(event.createdAt).toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                </td>
                <td className="px-3 py-2">{event.actor?.name ?? "A deleted user"}</td>
                <td className="px-3 py-2">{event.summary}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.nextBefore ? (
        <Link href={`?before=${encodeURIComponent(page.nextBefore)}`} className="self-start text-sm font-medium underline">
          Older events
        </Link>
      ) : null}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { AuditEventSentence, AuditEventTime } from "@/components/teams/audit-event-sentence";
import { Alert } from "@/components/ui/alert";
import { listAuditEvents } from "@/lib/audit/service";
import { requirePageActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("title") };
}

export default async function TeamAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: Promise<{ before?: string | string[] }>;
}) {
  const [{ teamId }, { before }] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/audit`);
  const t = await getTranslations("audit");
  const page = await listAuditEvents(actor, teamId, { before: typeof before === "string" ? before : undefined }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "forbidden") return null;
    throw error;
  });
  if (!page) return <Alert tone="info">{t("ownerOnly")}</Alert>;
  return (
    <section aria-labelledby="audit-heading" className="flex flex-col gap-4">
      <h2 id="audit-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="text-sm text-stone-600">{t("intro")}</p>
      {page.items.length === 0 ? (
        <p className="text-sm text-stone-500">{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse overflow-hidden rounded-lg border border-stone-200 bg-white text-sm">
          <caption className="sr-only">{t("heading")}</caption>
          <thead className="bg-stone-50 text-left text-stone-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">{t("when")}</th>
              <th scope="col" className="px-3 py-2 font-medium">{t("event")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {page.items.map((event) => (
              <tr key={event.id} data-audit-action={event.action}>
                <td className="px-3 py-2 whitespace-nowrap text-stone-600">
                  <AuditEventTime createdAt={event.createdAt} />
                </td>
                <td className="px-3 py-2">
                  <AuditEventSentence event={event} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {page.nextBefore ? (
        <Link href={`?before=${encodeURIComponent(page.nextBefore)}`} className="self-start text-sm font-medium underline">
          {t("older")}
        </Link>
      ) : null}
    </section>
  );
}

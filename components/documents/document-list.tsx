import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import type { DocumentSummary } from "@/lib/documents/service";

type Formatter = ReturnType<typeof useFormatter>;

/**
 * An article's publication date as it was imported ("2020-10" or "2020-10-15"), in the interface language and to
 * the precision it has: "October 2020", "15 oktober 2020". Read and written in UTC, so no time zone moves the day.
 */
function formatPublishedOn(publishedOn: string, format: Formatter): string {
  const [year, month, day] = publishedOn.split("-").map(Number);
  if (!year || !month) return publishedOn;
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  return format.dateTime(date, day ? { dateStyle: "long", timeZone: "UTC" } : { year: "numeric", month: "long", timeZone: "UTC" });
}

/** Documents as a list of links, with their publication date and claim count. */
export function DocumentList({ documents }: { documents: DocumentSummary[] }) {
  const t = useTranslations("documentList");
  const format = useFormatter();
  return (
    <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
      {documents.map((document) => (
        <li key={document.id} className="flex items-center justify-between gap-4 px-4 py-3">
          <div>
            <Link href={`/documents/${document.id}`} className="font-medium text-stone-900 hover:underline">
              {document.title}
            </Link>
            {document.publishedOn ? (
              <p className="text-sm text-stone-500">{t("published", { date: formatPublishedOn(document.publishedOn, format) })}</p>
            ) : null}
          </div>
          <span className="shrink-0 text-sm text-stone-500">{t("claimCount", { count: document.claimCount })}</span>
        </li>
      ))}
    </ul>
  );
}

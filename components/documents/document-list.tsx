import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import { formatPublishedOn } from "@/components/documents/published-on";
import type { DocumentSummary } from "@/lib/documents/service";

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

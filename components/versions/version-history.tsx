import Link from "next/link";
import { useTranslations } from "next-intl";

import { VersionFacts } from "@/components/versions/version-facts";
import type { VersionSummary } from "@/lib/versions/schema";

const linkClass = "text-sm font-medium underline";

/** A document's versions, newest first, each to open read-only or to compare with the one before. */
export function VersionHistory({ documentId, versions, latest }: { documentId: string; versions: readonly VersionSummary[]; latest: number }) {
  const t = useTranslations("versions");
  if (versions.length === 0) return <p className="text-sm text-stone-600">{t("historyEmpty")}</p>;
  return (
    <ol className="flex flex-col gap-3" aria-labelledby="versions-heading" data-testid="version-history">
      {versions.map((version) => (
        <li key={version.number} data-version-number={version.number} className="rounded-lg border border-stone-200 bg-white p-4">
          <div className="mb-1 flex flex-wrap items-baseline gap-2">
            <h2 className="text-base font-semibold">{t("versionNumber", { number: version.number })}</h2>
            {version.number === latest ? (
              <span className="rounded-full bg-stone-900 px-2 py-0.5 text-xs font-medium text-white">{t("latestBadge")}</span>
            ) : null}
          </div>
          <VersionFacts version={version} />
          <div className="mt-3 flex flex-wrap gap-4">
            <Link
              href={`/documents/${documentId}/versions/${version.number}`}
              className={linkClass}
              aria-label={t("openVersion", { number: version.number })}
            >
              {t("open")}
            </Link>
            {version.number > 1 ? (
              <Link
                href={`/documents/${documentId}/compare?from=${version.number - 1}&to=${version.number}`}
                className={linkClass}
                aria-label={t("compareWithPreviousOf", { number: version.number, previous: version.number - 1 })}
              >
                {t("compareWithPrevious")}
              </Link>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

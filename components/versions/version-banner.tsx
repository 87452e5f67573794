import Link from "next/link";
import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";

const linkClass = "font-medium underline";

/**
 * Which version is on screen, of how many, with the way back to the latest and to the versions on either side.
 * An older version is said so in words (and on an amber ground), never by colour alone.
 */
export function VersionBanner({ documentId, number, total }: { documentId: string; number: number; total: number }) {
  const t = useTranslations("versions");
  const isLatest = number >= total;
  return (
    <div
      data-testid="version-banner"
      className={cn("mb-6 flex flex-col gap-2 rounded-md border px-4 py-3 text-sm", isLatest ? "border-sky-200 bg-sky-50 text-sky-950" : "border-amber-300 bg-amber-50 text-amber-950")}
    >
      <p className="font-semibold">{isLatest ? t("readingLatest", { number, total }) : t("readingOlder", { number, total })}</p>
      <nav aria-label={t("versionNavigation")} className="flex flex-wrap gap-x-4 gap-y-1">
        {!isLatest ? (
          <Link href={`/documents/${documentId}`} className={linkClass}>
            {t("readLatest")}
          </Link>
        ) : null}
        {number > 1 ? (
          <Link href={`/documents/${documentId}/versions/${number - 1}`} className={linkClass} rel="prev">
            {t("previousVersion", { number: number - 1 })}
          </Link>
        ) : null}
        {number < total ? (
          <Link href={`/documents/${documentId}/versions/${number + 1}`} className={linkClass} rel="next">
            {t("nextVersion", { number: number + 1 })}
          </Link>
        ) : null}
        {number > 1 ? (
          <Link href={`/documents/${documentId}/compare?from=${number - 1}&to=${number}`} className={linkClass}>
            {t("compareWithPreviousOf", { number, previous: number - 1 })}
          </Link>
        ) : null}
        <Link href={`/documents/${documentId}/versions`} className={linkClass}>
          {t("allVersions")}
        </Link>
      </nav>
    </div>
  );
}

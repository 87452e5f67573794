import Link from "next/link";
import { useTranslations } from "next-intl";

/** The version a member last opened before now, and the latest (lib/versions/reads.ts: recordDocumentRead). */
export type DocumentReadMark = { previousVersion: number | null; version: number };

/**
 * Under a document's title: the link to its versions, for every member, and, when the article changed since the
 * reader last opened it, a notice that says from which version to which, with a link to what changed.
 */
export function DocumentVersionsBar({ documentId, readMark }: { documentId: string; readMark?: DocumentReadMark }) {
  const t = useTranslations("versions");
  const previous = readMark?.previousVersion ?? null;
  const hasChanged = readMark !== undefined && previous !== null && previous < readMark.version;
  return (
    <div className="mt-2 flex flex-col gap-2 text-sm">
      <Link href={`/documents/${documentId}/versions`} className="self-start font-medium text-stone-700 underline hover:text-stone-900" data-testid="versions-link">
        {t("link")}
      </Link>
      {hasChanged ? (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-950" data-testid="changed-since-notice">
          {t("changedSince", { from: previous, to: readMark.version })}{" "}
          <Link href={`/documents/${documentId}/compare?from=${previous}&to=${readMark.version}`} className="font-medium underline">
            {t("seeWhatChanged")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

/**
 * The top of the versions, version and compare pages: the way back to the article, and the page's heading. `title`
 * is the document's (in its own language, `contentLang`), shown above the heading or as the heading itself.
 */
export function VersionsPageHeader({
  documentId,
  title,
  contentLang,
  heading,
}: {
  documentId: string;
  title: string;
  contentLang: string | undefined;
  /** The page's h1; without it, the document's title is. */
  heading?: ReactNode;
}) {
  const t = useTranslations("versions");
  return (
    <header className="mb-6 flex flex-col gap-1">
      <Link href={`/documents/${documentId}`} className="self-start text-sm font-medium text-stone-700 underline hover:text-stone-900">
        <span aria-hidden="true">← </span>
        {t("backToArticle")}
      </Link>
      {heading ? (
        <>
          <p className="mt-2 text-sm text-stone-500" lang={contentLang}>
            {title}
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{heading}</h1>
        </>
      ) : (
        <h1 className="mt-2 text-3xl font-semibold tracking-tight text-balance" lang={contentLang}>
          {title}
        </h1>
      )}
    </header>
  );
}

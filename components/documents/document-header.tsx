"use client";

import { useFormatter, useTranslations } from "next-intl";

import { DocumentLanguage } from "@/components/documents/document-language";
import { formatPublishedOn } from "@/components/documents/published-on";
import { PublicationControl } from "@/components/publications/publication-control";
import { DocumentVersionsBar, type DocumentReadMark } from "@/components/versions/document-versions-bar";

type DocumentHeaderProps = {
  documentId: string;
  title: string;
  teamName: string;
  publishedOn: string | null;
  /** The content's language (BCP 47; "und" when unknown). */
  lang: string;
  canEditDocument: boolean;
  /** The document's public page (its path), or null; moderators and owners may publish and unpublish it. */
  publication: { slug: string; url: string } | null;
  canPublish: boolean;
  announce: (message: string) => void;
  /** The version the reader last opened and the latest (lib/versions/reads.ts). */
  readMark?: DocumentReadMark;
};

/** The `lang` attribute of a document's content: its language, or none for "und" (undetermined), which would claim a language nobody determined. */
export function contentLangAttribute(lang: string): string | undefined {
  return lang === "und" ? undefined : lang;
}

/** The document's team, date, title (in the content's own language), the language of its text and its public page. */
export function DocumentHeader({ documentId, title, teamName, publishedOn, lang, canEditDocument, publication, canPublish, announce, readMark }: DocumentHeaderProps) {
  const t = useTranslations("workspace");
  const format = useFormatter();
  const contentLang = contentLangAttribute(lang);
  return (
    <header className="mb-6 max-w-2xl">
      <p className="text-sm text-stone-500">
        {teamName}
        {publishedOn ? (
          <>
            {" · "}
            <time dateTime={publishedOn}>{t("published", { date: formatPublishedOn(publishedOn, format) })}</time>
          </>
        ) : null}
      </p>
      <h1 id="document-title" lang={contentLang} className="mt-1 text-3xl font-semibold tracking-tight text-balance">
        {title}
      </h1>
      <DocumentLanguage documentId={documentId} lang={lang} canEdit={canEditDocument} announce={announce} />
      <PublicationControl documentId={documentId} publication={publication} canPublish={canPublish} announce={announce} />
      <DocumentVersionsBar documentId={documentId} readMark={readMark} />
    </header>
  );
}

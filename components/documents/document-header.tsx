"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import { DocumentCredits } from "@/components/documents/document-credits";
import { DocumentDetailsDialog } from "@/components/documents/document-details-dialog";
import { DocumentLanguage } from "@/components/documents/document-language";
import { formatPublishedOn } from "@/components/documents/published-on";
import { PublicationControl } from "@/components/publications/publication-control";
import { DocumentVersionsBar, type DocumentReadMark } from "@/components/versions/document-versions-bar";

type DocumentHeaderProps = {
  documentId: string;
  title: string;
  teamName: string;
  publishedOn: string | null;
  /** Who wrote the article, as its source says. */
  byline: string | null;
  /** Where the article was published (an http or https address). */
  sourceUrl: string | null;
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

/**
 * The document's team, date, title (in the content's own language), byline and source, the language of its text,
 * its public page, its versions (and what changed since the reader last looked); owners and moderators edit the
 * details and the article here.
 */
export function DocumentHeader(props: DocumentHeaderProps) {
  const { documentId, title, teamName, publishedOn, byline, sourceUrl, lang, canEditDocument, publication, canPublish, announce, readMark } = props;
  const t = useTranslations("workspace");
  const tEditor = useTranslations("editor");
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
      <DocumentCredits byline={byline} sourceUrl={sourceUrl} />
      {canEditDocument ? (
        <div className="mt-3">
          <DocumentDetailsDialog documentId={documentId} details={{ title, byline, sourceUrl, publishedOn }} announce={announce} />
        </div>
      ) : null}
      <DocumentLanguage documentId={documentId} lang={lang} canEdit={canEditDocument} announce={announce} />
      <PublicationControl documentId={documentId} publication={publication} canPublish={canPublish} announce={announce} />
      {canEditDocument ? (
        <Link
          href={`/documents/${encodeURIComponent(documentId)}/edit`}
          data-testid="edit-article"
          className="mt-3 inline-flex h-8 items-center rounded-md border border-stone-300 bg-white px-2.5 text-sm font-medium text-stone-800 hover:bg-stone-100"
        >
          {tEditor("editArticle")}
        </Link>
      ) : null}
      <DocumentVersionsBar documentId={documentId} readMark={readMark} />
    </header>
  );
}

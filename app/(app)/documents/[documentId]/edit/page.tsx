import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { loadDocument } from "@/app/(app)/documents/[documentId]/load-document";
import { ArticleEditor } from "@/components/editor/article-editor";
import { Alert } from "@/components/ui/alert";
import { requirePageActor } from "@/lib/auth/actor";
import { undeterminedLanguage } from "@/lib/documents/language";

type PageProps = { params: Promise<{ documentId: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { documentId } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}/edit`);
  const [document, t] = await Promise.all([loadDocument(actor, documentId), getTranslations("editor")]);
  return { title: t("pageTitle", { title: document.title }) };
}

/**
 * The article editor (`/documents/{id}/edit`). The layout answers 404 for a document the actor cannot read; a
 * member who may read but not edit it is told so here (the API answers the same save with 403).
 */
export default async function EditDocumentPage({ params }: PageProps) {
  const { documentId } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}/edit`);
  const [document, t] = await Promise.all([loadDocument(actor, documentId), getTranslations("editor")]);
  const documentPath = `/documents/${encodeURIComponent(document.id)}`;
  // No `lang` for a language nobody determined (document-header.tsx's rule; that module is a client one).
  const contentLang = document.lang === undeterminedLanguage ? undefined : document.lang;

  if (!document.abilities.canEditDocument) {
    return (
      <main className="mx-auto max-w-xl px-4 py-16 text-center">
        <h1 className="text-2xl font-semibold">{t("notAllowedTitle")}</h1>
        <Alert tone="info" className="mt-4 text-left">
          {t("notAllowedBody")}
        </Alert>
        <Link href={documentPath} className="mt-6 inline-block font-medium underline">
          {t("backToDocument")}
        </Link>
      </main>
    );
  }

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <header className="mb-6">
        <p className="text-sm text-stone-600">
          {document.teamName} ·{" "}
          <Link href={documentPath} className="underline">
            {t("backToDocument")}
          </Link>
        </p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p lang={contentLang} className="mt-1 text-lg text-stone-700">
          {document.title}
        </p>
        <p className="mt-2 text-sm text-stone-600">{t("intro", { version: document.version })}</p>
      </header>
      <ArticleEditor
        article={{ id: document.id, title: document.title, content: document.content, version: document.version, contentLang }}
      />
    </main>
  );
}

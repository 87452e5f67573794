import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { loadDocument } from "@/app/(app)/documents/[documentId]/load-document";
import { getContentLang } from "@/components/versions/content-lang";
import { CompareForm } from "@/components/versions/compare-form";
import { VersionHistory } from "@/components/versions/version-history";
import { VersionsPageHeader } from "@/components/versions/versions-page-header";
import { requirePageActor } from "@/lib/auth/actor";
import { listVersions } from "@/lib/versions/history";

type PageProps = { params: Promise<{ documentId: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { documentId } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}/versions`);
  const [document, t] = await Promise.all([loadDocument(actor, documentId), getTranslations("versions")]);
  return { title: t("historyTitle", { title: document.title }) };
}

// The document layout has already answered 404 for anyone outside the team; listVersions authorises again.
export default async function DocumentVersionsPage({ params }: PageProps) {
  const { documentId } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}/versions`);
  const document = await loadDocument(actor, documentId);
  const [versions, t] = await Promise.all([listVersions(actor, document.id), getTranslations("versions")]);
  const numbers = versions.map((version) => version.number);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <VersionsPageHeader documentId={document.id} title={document.title} contentLang={getContentLang(document.lang)} heading={<span id="versions-heading">{t("historyHeading")}</span>} />
      <p className="mb-6 text-sm text-stone-600">{t("historyIntro")}</p>
      {numbers.length > 1 ? (
        <div className="mb-8 rounded-lg border border-stone-200 bg-white p-4">
          <CompareForm documentId={document.id} numbers={numbers} from={numbers[1]!} to={numbers[0]!} />
        </div>
      ) : null}
      <VersionHistory documentId={document.id} versions={versions} latest={document.version} />
    </main>
  );
}

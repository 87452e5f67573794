import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";

import { loadDocument } from "@/app/(app)/documents/[documentId]/load-document";
import { getContentLang } from "@/components/versions/content-lang";
import { VersionArticle } from "@/components/versions/version-article";
import { VersionBanner } from "@/components/versions/version-banner";
import { VersionClaims } from "@/components/versions/version-claims";
import { VersionFacts } from "@/components/versions/version-facts";
import { placeVersionClaims } from "@/components/versions/version-claim-places";
import { VersionsPageHeader } from "@/components/versions/versions-page-header";
import { requirePageActor, type Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getVersion } from "@/lib/versions/history";
import { versionNumberSchema } from "@/lib/versions/schema";

type PageProps = { params: Promise<{ documentId: string; number: string }> };

/** The version for this request (shared by generateMetadata and the page), or the not-found page. */
const loadVersion = cache(async (actor: Actor, documentId: string, number: string) => {
  const parsed = versionNumberSchema.safeParse(number);
  if (!parsed.success) notFound();
  try {
    return await getVersion(actor, documentId, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { documentId, number } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(number)}`);
  const [document, version, t] = await Promise.all([loadDocument(actor, documentId), loadVersion(actor, documentId, number), getTranslations("versions")]);
  return { title: t("versionTitle", { number: version.number, title: document.title }) };
}

// The document layout has already answered 404 for anyone outside the team; getVersion authorises again.
export default async function DocumentVersionPage({ params }: PageProps) {
  const { documentId, number } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(number)}`);
  const [document, version] = await Promise.all([loadDocument(actor, documentId), loadVersion(actor, documentId, number)]);
  const contentLang = getContentLang(document.lang);
  const { drawn, placed, orphaned, withheld } = placeVersionClaims(version.claims, version.text);
  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <VersionsPageHeader documentId={document.id} title={document.title} contentLang={contentLang} />
      <VersionBanner documentId={document.id} number={version.number} total={document.version} />
      <div className="mb-8">
        <VersionFacts version={version} />
      </div>
      <VersionArticle content={version.content} claims={drawn} contentLang={contentLang} />
      <div className="mt-10 border-t border-stone-200 pt-6">
        <VersionClaims documentId={document.id} placed={placed} orphaned={orphaned} withheld={withheld} contentLang={contentLang} />
      </div>
    </main>
  );
}

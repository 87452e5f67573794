import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { loadDocument } from "@/app/(app)/documents/[documentId]/load-document";
import { getContentLang } from "@/components/versions/content-lang";
import { Alert } from "@/components/ui/alert";
import { CompareForm } from "@/components/versions/compare-form";
import { DiffSummary } from "@/components/versions/diff-summary";
import { VersionDiff } from "@/components/versions/version-diff";
import { diffViews, type DiffView } from "@/components/versions/diff-view";
import { VersionsPageHeader } from "@/components/versions/versions-page-header";
import { requirePageActor } from "@/lib/auth/actor";
import { compareVersions } from "@/lib/versions/compare";
import { versionNumberSchema } from "@/lib/versions/schema";

type SearchParams = { from?: string | string[]; to?: string | string[]; view?: string | string[] };
type PageProps = { params: Promise<{ documentId: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { documentId } = await params;
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}/compare`);
  const [document, t] = await Promise.all([loadDocument(actor, documentId), getTranslations("versions")]);
  return { title: t("compareTitle", { title: document.title }) };
}

/** A version number from the query, if it names one up to `latest`; `fallback` when absent; null when it names none. */
function pickVersion(value: string | string[] | undefined, latest: number, fallback: number): number | null {
  if (value === undefined || value === "") return fallback;
  const parsed = versionNumberSchema.safeParse(value);
  return parsed.success && parsed.data <= latest ? parsed.data : null;
}

// The document layout has already answered 404 for anyone outside the team; lib/versions authorises again. The
// diff is computed here, on the server: the browser gets the result, not both texts and the work.
export default async function CompareVersionsPage({ params, searchParams }: PageProps) {
  const [{ documentId }, query] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/documents/${encodeURIComponent(documentId)}/compare`);
  const document = await loadDocument(actor, documentId);
  // Versions are numbered 1 to the latest (each save adds the next), so the numbers need no query of their own.
  const latest = document.version;
  const numbers = Array.from({ length: latest }, (_, index) => latest - index);
  const to = pickVersion(query.to, latest, latest);
  const from = pickVersion(query.from, latest, to === null ? latest : Math.max(to - 1, 1));
  const view: DiffView = diffViews.find((option) => option === query.view) ?? "inline";
  const contentLang = getContentLang(document.lang);
  const [comparison, t] = await Promise.all([
    latest > 1 && from !== null && to !== null ? compareVersions(actor, document.id, { from, to }) : null,
    getTranslations("versions"),
  ]);

  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <VersionsPageHeader
        documentId={document.id}
        title={document.title}
        contentLang={contentLang}
        heading={comparison ? t("compareHeading", { from: comparison.from, to: comparison.to }) : t("compareHeadingEmpty")}
      />
      {numbers.length < 2 ? (
        <p className="text-stone-600">{t("onlyOneVersion")}</p>
      ) : (
        <div className="mb-6 flex flex-col gap-3">
          {comparison ? null : <Alert>{t("chooseVersions")}</Alert>}
          <CompareForm documentId={document.id} numbers={numbers} from={from ?? Math.max(latest - 1, 1)} to={to ?? latest} />
        </div>
      )}
      {comparison ? (
        <>
          <DiffSummary diff={comparison.diff} />
          <VersionDiff diff={comparison.diff} from={comparison.from} to={comparison.to} initialView={view} contentLang={contentLang} />
        </>
      ) : null}
    </main>
  );
}

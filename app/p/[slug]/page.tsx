import type { Metadata } from "next";
import { headers } from "next/headers";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { loadPublicPage } from "@/app/p/[slug]/load-public-page";
import { formatPublishedOn } from "@/components/documents/published-on";
import { PublicArticle } from "@/components/publications/public-article";
import { buildClaimDisplays } from "@/components/publications/public-claim-display";
import { PublicVerdictList } from "@/components/publications/public-verdict-list";
import { serializeJsonLdForScript } from "@/lib/claimreview/json-ld";
import { undeterminedLanguage } from "@/lib/documents/language";
import { publicPagePath } from "@/lib/publications/urls";

type PageProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { slug } = await params;
  const { page, origin } = await loadPublicPage(slug);
  const t = await getTranslations("publicPage");
  const title = page.document.title;
  const description = t("description", { team: page.teamName, count: page.claims.length });
  const url = new URL(publicPagePath(page.slug), origin).href;
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { title, description, type: "article", url, publishedTime: page.publishedAt.toISOString(), modifiedTime: page.updatedAt.toISOString() },
  };
}

/**
 * A document's published fact checks (`/p/{slug}`), for anyone, signed in or not: the article with its published
 * verdicts highlighted, each verdict's summary and evidence, the team as the byline, and the ClaimReview JSON-LD.
 * Rate-limited and answered with an ETag by proxy.ts.
 */
export default async function PublicPage({ params }: PageProps) {
  const { slug } = await params;
  const [{ page }, t, format, translate, locale, requestHeaders] = await Promise.all([
    loadPublicPage(slug),
    getTranslations("publicPage"),
    getFormatter(),
    getTranslations(),
    getLocale(),
    headers(),
  ]);
  // No `lang` for a language nobody determined (document-header.tsx's rule; that module is a client one).
  const contentLang = page.document.lang === undeterminedLanguage ? undefined : page.document.lang;
  const displays = buildClaimDisplays(page.claims, page.scale, translate);
  const ranges = page.claims.flatMap((claim) => (claim.range ? [{ claimId: claim.id, ...claim.range }] : []));
  return (
    <main className="mx-auto grid max-w-6xl gap-10 px-4 py-10 lg:grid-cols-[minmax(0,1fr)_22rem]">
      {/* Data for search engines and fact-check tools, never executed. Serialised with every "<" escaped, so no quote
          or summary can close the element; it carries the page's CSP nonce. */}
      <script
        type="application/ld+json"
        nonce={requestHeaders.get("x-nonce") ?? undefined}
        dangerouslySetInnerHTML={{ __html: serializeJsonLdForScript(page.claimReviews) }}
      />
      <article aria-labelledby="public-title" className="min-w-0">
        <header className="mb-6 max-w-2xl">
          <p className="text-sm text-stone-600">
            {t("byline", { team: page.teamName })}
            {page.document.publishedOn ? (
              <>
                {" · "}
                <time dateTime={page.document.publishedOn}>{t("articleDate", { date: formatPublishedOn(page.document.publishedOn, format) })}</time>
              </>
            ) : null}
          </p>
          <h1 id="public-title" lang={contentLang} className="mt-1 text-3xl font-semibold tracking-tight text-balance">
            {page.document.title}
          </h1>
          <p className="mt-2 text-sm text-stone-600">{t("intro", { count: page.claims.length })}</p>
        </header>
        <div className="max-w-2xl">
          <PublicArticle content={page.document.content} ranges={ranges} displays={displays} contentLang={contentLang} locale={locale} />
        </div>
      </article>
      <section aria-labelledby="verdicts-heading" className="min-w-0">
        <h2 id="verdicts-heading" className="mb-4 text-xl font-semibold tracking-tight">
          {t("verdictsHeading")}
        </h2>
        <PublicVerdictList claims={page.claims} displays={displays} contentLang={contentLang} />
      </section>
    </main>
  );
}

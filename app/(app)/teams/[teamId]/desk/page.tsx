import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ZodError } from "zod";

import type { DeskRatingLabels } from "@/components/desk/desk-claim-card";
import { DeskFilterBar } from "@/components/desk/desk-filter-bar";
import { DeskResults } from "@/components/desk/desk-results";
import { DeskToolbar } from "@/components/desk/desk-toolbar";
import { Alert } from "@/components/ui/alert";
import { requirePageActor, type Actor } from "@/lib/auth/actor";
import { getDeskFilterOptions } from "@/lib/desk/options";
import { parseDeskQuery, type DeskCounts, type DeskPage } from "@/lib/desk/schema";
import { countDeskClaims, listDeskClaims } from "@/lib/desk/service";
import { hasDeskFilters, readDeskUrlParams, readDeskView } from "@/lib/desk/url";
import { AppError, localizeIssues } from "@/lib/errors";
import { isLocale } from "@/lib/i18n/locales";
import { isDefaultRatingKey } from "@/lib/verdicts/scale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("desk");
  return { title: t("title") };
}

type SearchParams = Record<string, string | string[] | undefined>;

/** A team the actor cannot see is the not-found page (the layout says the same). */
function notFoundIfMissing(error: unknown): never {
  if (error instanceof AppError && error.code === "not_found") notFound();
  throw error;
}

/** A failure the page shows in place of the claims: bad filters (422). Anything else propagates. */
async function describeProblem(error: unknown): Promise<string[]> {
  if (error instanceof ZodError) {
    const locale = await getLocale();
    return localizeIssues(error, isLocale(locale) ? locale : "en").map((issue) => issue.message);
  }
  if (error instanceof AppError && error.code === "validation_failed") return [error.describe(await getTranslations()).message];
  return notFoundIfMissing(error);
}

/** The first page and the counts, through the same lib/desk functions as the JSON API; or what is wrong with the filters. */
async function loadDesk(actor: Actor, teamId: string, searchParams: SearchParams): Promise<{ page: DeskPage; counts: DeskCounts } | { problems: string[] }> {
  try {
    const query = parseDeskQuery(searchParams);
    const [page, counts] = await Promise.all([listDeskClaims(actor, teamId, query), countDeskClaims(actor, teamId, { ...query, after: null })]);
    return { page, counts };
  } catch (error) {
    return { problems: await describeProblem(error) };
  }
}

export default async function TeamDeskPage({ params, searchParams }: { params: Promise<{ teamId: string }>; searchParams: Promise<SearchParams> }) {
  const [{ teamId }, rawSearchParams] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor(`/teams/${encodeURIComponent(teamId)}/desk`);
  const urlParams = readDeskUrlParams(rawSearchParams);
  const view = readDeskView(urlParams);
  const [t, tVerdicts, options, loaded] = await Promise.all([
    getTranslations("desk"),
    getTranslations("verdicts"),
    getDeskFilterOptions(actor, teamId).catch(notFoundIfMissing),
    loadDesk(actor, teamId, rawSearchParams),
  ]);
  const ratings: DeskRatingLabels = Object.fromEntries(
    options.ratings.map((rating) => [
      rating.key,
      { label: rating.label ?? (isDefaultRatingKey(rating.key) ? tVerdicts(`ratings.${rating.key}`) : rating.key), color: rating.color },
    ]),
  );
  const results = "problems" in loaded ? null : loaded;
  const problems = "problems" in loaded ? loaded.problems : [];
  return (
    <section aria-labelledby="desk-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="desk-heading" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {results ? (
          <p className="text-sm text-stone-600" data-testid="desk-total">
            {t("total", { count: results.counts.total })}
          </p>
        ) : null}
      </div>
      <DeskFilterBar teamId={teamId} params={urlParams} options={options} ratings={ratings} />
      <DeskToolbar teamId={teamId} params={urlParams} view={view} />
      {results ? (
        <DeskResults
          key={JSON.stringify(urlParams)}
          teamId={teamId}
          view={view}
          firstPage={results.page}
          counts={results.counts}
          ratings={ratings}
          urlParams={urlParams}
          isFiltered={hasDeskFilters(urlParams)}
        />
      ) : (
        <Alert>
          <p className="font-medium">{t("invalidFilters")}</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}

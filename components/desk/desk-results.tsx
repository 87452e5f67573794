"use client";

import { useTranslations } from "next-intl";
import { useState, type MouseEvent } from "react";

import { DeskClaimCard, type DeskRatingLabels } from "@/components/desk/desk-claim-card";
import { Spinner } from "@/components/ui/spinner";
import { ApiError, apiClient, describeApiError } from "@/lib/api/client";
import { checkStatuses } from "@/lib/claims/schema";
import type { DeskClaimView, DeskCounts, DeskPage } from "@/lib/desk/schema";
import { toDeskSearch, type DeskUrlParams, type DeskView } from "@/lib/desk/url";

type DeskResultsProps = {
  teamId: string;
  view: DeskView;
  /** The page the server rendered. */
  firstPage: DeskPage;
  counts: DeskCounts;
  ratings: DeskRatingLabels;
  /** The desk's URL parameters: the query "Load more" continues (and, without JavaScript, its link). */
  urlParams: DeskUrlParams;
  isFiltered: boolean;
};

/**
 * The desk's claims as a list or a board of four columns by status, with "Load more" for the next page. The
 * first page comes from the server; "Load more" is a link to the next page that, once the page is interactive,
 * fetches it from the JSON API and appends it instead. Keyed by the query, so new filters start afresh.
 */
export function DeskResults({ teamId, view, firstPage, counts, ratings, urlParams, isFiltered }: DeskResultsProps) {
  const t = useTranslations("desk");
  const tAll = useTranslations();
  const [items, setItems] = useState<DeskClaimView[]>(firstPage.items);
  const [nextCursor, setNextCursor] = useState(firstPage.nextCursor);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  async function loadMore(event: MouseEvent<HTMLAnchorElement>) {
    if (!nextCursor || isLoading) return;
    event.preventDefault();
    setIsLoading(true);
    setError(null);
    try {
      const page = await apiClient.listDeskClaims(teamId, toDeskSearch(urlParams, { view: undefined, after: nextCursor }));
      setItems((loaded) => [...loaded, ...page.items]);
      setNextCursor(page.nextCursor);
      setAnnouncement(t("loadedMore", { count: page.items.length }));
    } catch (caught) {
      setError(caught instanceof ApiError ? describeApiError(caught, tAll) : t("loadFailed"));
    } finally {
      setIsLoading(false);
    }
  }

  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-stone-300 bg-white p-8 text-center">
        <p className="font-medium">{isFiltered ? t("empty") : t("emptyDesk")}</p>
        <p className="mt-1 text-sm text-stone-600">{isFiltered ? t("emptyHint") : t("emptyDeskHint")}</p>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      {view === "board" ? (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-4" data-testid="desk-board">
          {checkStatuses.map((status) => {
            const column = items.filter((claim) => claim.status === status);
            return (
              <section key={status} aria-labelledby={`desk-column-${status}`} data-column={status} className="flex flex-col gap-2 rounded-lg bg-stone-100 p-2">
                <h3 id={`desk-column-${status}`} className="px-1 text-sm font-semibold">
                  {t.rich("columnHeading", {
                    status: tAll(`checks.status.${status}`),
                    count: counts.byStatus[status],
                    muted: (chunks) => <span className="font-normal text-stone-600">{chunks}</span>,
                  })}
                </h3>
                {column.length > 0 ? (
                  <ol className="flex flex-col gap-2">
                    {column.map((claim) => (
                      <DeskClaimCard key={claim.id} claim={claim} ratings={ratings} compact />
                    ))}
                  </ol>
                ) : (
                  <p className="px-1 text-sm text-stone-600">{counts.byStatus[status] > 0 ? t("columnMore") : t("columnEmpty")}</p>
                )}
              </section>
            );
          })}
        </div>
      ) : (
        <ol className="flex flex-col gap-2" aria-label={t("listLabel")} data-testid="desk-list">
          {items.map((claim) => (
            <DeskClaimCard key={claim.id} claim={claim} ratings={ratings} />
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm text-stone-600">
        <span>{t("shown", { shown: items.length, total: counts.total })}</span>
        {nextCursor ? (
          <a
            href={`/teams/${encodeURIComponent(teamId)}/desk${toDeskSearch(urlParams, { after: nextCursor })}`}
            onClick={loadMore}
            aria-disabled={isLoading || undefined}
            className="inline-flex h-8 items-center gap-1.5 rounded-md border border-stone-300 bg-white px-2.5 font-medium text-stone-800 hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          >
            {isLoading ? <Spinner /> : t("loadMore")}
          </a>
        ) : null}
        {error ? (
          <span role="alert" className="text-red-800">
            {error}
          </span>
        ) : null}
        <span aria-live="polite" className="sr-only">
          {announcement}
        </span>
      </div>
    </div>
  );
}

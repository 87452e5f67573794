"use client";

import { useFormatter, useTranslations } from "next-intl";

import { VerdictChip } from "@/components/verdicts/verdict-chip";
import type { RatingDisplay } from "@/lib/verdicts/rating-display";
import type { PublishedVerdictView, VerdictPersonView, VerdictRevisionView } from "@/lib/verdicts/schema";

const dateStyle = { dateStyle: "long" } as const;
const dateTimeStyle = { dateStyle: "medium", timeStyle: "short" } as const;

type PublishedVerdictProps = {
  published: PublishedVerdictView;
  revisions: readonly VerdictRevisionView[];
  describe: (key: string) => RatingDisplay;
};

/**
 * The published verdict: its rating (colour, icon and words), its summary as plain text, when it was published
 * and, after a correction, "Updated on …"; the earlier publications behind a disclosure, newest first.
 */
export function PublishedVerdict({ published, revisions, describe }: PublishedVerdictProps) {
  const t = useTranslations("verdicts");
  const format = useFormatter();
  const name = usePersonName();
  const earlier = revisions.slice(0, -1).reverse();
  return (
    <div className="flex flex-col gap-2" data-testid="published-verdict">
      <VerdictChip rating={describe(published.rating)} className="self-start" />
      <p className="text-sm whitespace-pre-wrap text-stone-800">{published.summary}</p>
      <p className="text-xs text-stone-500">
        {t("publishedOn", { date: format.dateTime(new Date(published.publishedAt), dateStyle) })}
        {published.updatedAt ? (
          <>
            {" · "}
            <span className="font-medium text-stone-700" data-testid="verdict-updated">
              {t("updatedOn", { date: format.dateTime(new Date(published.updatedAt), dateStyle) })}
            </span>
          </>
        ) : null}
        {" · "}
        {t("publishedBy", { name: name(published.publishedBy) })}
      </p>
      {earlier.length > 0 ? (
        <details className="rounded-md border border-stone-200 px-3 py-2 text-sm">
          <summary className="cursor-pointer font-medium text-stone-700 focus-visible:outline-2 focus-visible:outline-sky-600">
            {t("earlierVersions", { count: earlier.length })}
          </summary>
          <ol className="mt-2 flex flex-col gap-3">
            {earlier.map((revision) => (
              <li key={revision.publishedAt} className="flex flex-col gap-1">
                <span className="text-xs text-stone-500">
                  {t("revisionPublished", { date: format.dateTime(new Date(revision.publishedAt), dateTimeStyle), name: name(revision.publishedBy) })}
                </span>
                <VerdictChip rating={describe(revision.rating)} size="xs" className="self-start" />
                <p className="whitespace-pre-wrap text-stone-700">{revision.summary}</p>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}

/** A person's name, or "a former member" when their account is gone. */
export function usePersonName(): (person: VerdictPersonView) => string {
  const t = useTranslations("verdicts");
  return (person) => person?.name ?? t("formerMember");
}

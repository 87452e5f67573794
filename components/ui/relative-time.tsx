"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";

/**
 * "5 minutes ago" in the interface language, refreshed each minute, with the exact date and time (in the
 * configured time zone) on hover and for assistive technology. Under 45 seconds it says "just now", not a
 * count of seconds that would stand still until the next refresh.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const t = useTranslations("ui");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const date = new Date(iso);
  const seconds = Math.abs(date.getTime() - now.getTime()) / 1000;
  const exact = format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  // next-intl picks the unit itself from a minute on; between 45 and 60 seconds it would say seconds.
  const relative = seconds < 45 ? t("justNow") : format.relativeTime(date, { now, unit: seconds < 60 ? "minute" : undefined });
  return (
    // Not aria-label on <time>: a role-less element's aria-label is prohibited, and screen readers skip it.
    <time dateTime={iso} title={exact}>
      <span aria-hidden="true">{relative}</span>
      <span className="sr-only">{exact}</span>
    </time>
  );
}

import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

/**
 * An article's publication date as it was imported ("2020-10" or "2020-10-15"), in the interface language and to
 * the precision it has: "October 2020", "15 oktober 2020". Read and written in UTC, so no time zone moves the day.
 * Shared by the documents list and the document page, so both say the same.
 */
export function formatPublishedOn(publishedOn: string, format: Formatter): string {
  const [year, month, day] = publishedOn.split("-").map(Number);
  if (!year || !month) return publishedOn;
  const date = new Date(Date.UTC(year, month - 1, day ?? 1));
  return format.dateTime(date, day ? { dateStyle: "long", timeZone: "UTC" } : { year: "numeric", month: "long", timeZone: "UTC" });
}

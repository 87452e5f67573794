"use client";

import { useTranslations } from "next-intl";

/** The address's host without "www." ("https://www.nos.nl/artikel/1" → "nos.nl"), or null when it is no web link. */
export function sourceHost(sourceUrl: string): string | null {
  try {
    const url = new URL(sourceUrl);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    return url.hostname.replace(/^www\./u, "");
  } catch {
    return null; // Not a URL (the server stores only http and https links; this guards the link against a bad row).
  }
}

/**
 * Who wrote the article and where it comes from, under its title. The source opens in a new tab, without
 * telling the site where the reader came from (`noreferrer`) and without vouching for it (`nofollow`).
 */
export function DocumentCredits({ byline, sourceUrl }: { byline: string | null; sourceUrl: string | null }) {
  const t = useTranslations("documentDetails");
  const host = sourceUrl ? sourceHost(sourceUrl) : null;
  if (!byline && !host) return null;
  return (
    <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-sm text-stone-600" data-testid="document-credits">
      {byline ? <span>{t("byline", { byline })}</span> : null}
      {sourceUrl && host ? (
        <span>
          {t("source")}{" "}
          <a href={sourceUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-sky-800 underline hover:text-sky-950">
            {host}
            <span className="sr-only"> {t("opensInNewTab")}</span>
          </a>
        </span>
      ) : null}
    </p>
  );
}

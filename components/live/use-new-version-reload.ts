"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef } from "react";

import { hasNewDocumentVersion } from "@/components/live/apply-live-events";
import type { LiveEventView } from "@/lib/realtime/schema";

type UseNewVersionReloadOptions = {
  documentId: string;
  /** The version the page shows (the server's, so it grows when the refreshed page arrives). */
  version: number;
  /** Says a sentence in the workspace's polite live region. */
  announce: (message: string) => void;
};

/**
 * When someone saves a new version of the open document (`document.versioned`), the page reads the article again
 * (router.refresh: the server renders the new text; the URL, and so the open claim, stay) while the live stream
 * re-reads the claims (components/live/apply-live-events.ts). Once the new version is on screen, the polite live
 * region says so with its number. Give `onLiveEvents` each batch of changes.
 */
export function useNewVersionReload({ documentId, version, announce }: UseNewVersionReloadOptions) {
  const router = useRouter();
  const t = useTranslations("live.versioned");
  const shownVersion = useRef(version);

  useEffect(() => {
    if (version > shownVersion.current) announce(t("announcement", { version }));
    shownVersion.current = version;
  }, [version, announce, t]);

  return useCallback(
    (events: readonly LiveEventView[]) => {
      if (hasNewDocumentVersion(events, documentId)) router.refresh();
    },
    [documentId, router],
  );
}

"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Ref } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** What the last Save did: a new version (with what re-anchoring did to the claims), or why it did not. */
export type SaveOutcome =
  | { kind: "saved"; number: number; anchored: number; changed: number; orphaned: number }
  /** Someone saved a newer version first (409): this one was not saved. */
  | { kind: "conflict" }
  /** The server refused it (its message, in the page's language) or it never arrived. */
  | { kind: "failed"; message: string }
  | { kind: "unchanged" };

type SaveOutcomeMessageProps = { outcome: SaveOutcome; documentId: string; onReload: () => void; ref?: Ref<HTMLDivElement> };

/**
 * The result of saving, said once (a status or an alert) and focused, so a keyboard or screen reader user lands
 * on it: the new version's number and what happened to the claims, with links to the document, its history and
 * the comparison with the version before.
 */
export function SaveOutcomeMessage({ outcome, documentId, onReload, ref }: SaveOutcomeMessageProps) {
  const t = useTranslations("editor");
  const documentPath = `/documents/${encodeURIComponent(documentId)}`;
  if (outcome.kind === "saved") {
    const { number, anchored, changed, orphaned } = outcome;
    return (
      <div ref={ref} tabIndex={-1} data-testid="save-outcome" data-version={number} className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-sky-600">
        <Alert tone="success">
          <p>{anchored + changed + orphaned === 0 ? t("savedWithoutClaims", { number }) : t("saved", { number, anchored, changed, orphaned })}</p>
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
            <Link href={documentPath} className="font-medium underline">
              {t("openDocument")}
            </Link>
            <Link href={`${documentPath}/versions`} className="font-medium underline">
              {t("versionHistory")}
            </Link>
            {number > 1 ? (
              <Link href={`${documentPath}/compare?from=${number - 1}&to=${number}`} className="font-medium underline">
                {t("compareWithPrevious", { previous: number - 1 })}
              </Link>
            ) : null}
          </p>
        </Alert>
      </div>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} data-testid="save-outcome" className="rounded-md outline-none focus-visible:ring-2 focus-visible:ring-sky-600">
      {outcome.kind === "unchanged" ? (
        <Alert tone="info">{t("unchanged")}</Alert>
      ) : outcome.kind === "failed" ? (
        <Alert>{t("saveFailed", { message: outcome.message })}</Alert>
      ) : (
        <Alert>
          <p>{t("conflict")}</p>
          <Button variant="secondary" size="sm" className="mt-2" onClick={onReload}>
            {t("reloadLatest")}
          </Button>
        </Alert>
      )}
    </div>
  );
}

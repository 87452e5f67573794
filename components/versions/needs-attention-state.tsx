"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { ClaimView } from "@/lib/claims/schema";

/** A quote of the article inside interface text (the message puts the quotation marks): in the article's language. */
export function quoteOf(contentLang: string | undefined) {
  function ArticleQuote(chunks: ReactNode) {
    return (
      <span lang={contentLang} className="font-serif text-stone-900">
        {chunks}
      </span>
    );
  }
  return ArticleQuote;
}

/** "Changed" / "Lost its text": a claim's anchoring state in words, on a badge (never colour alone). */
export function AnchorStateBadge({ state }: { state: ClaimView["state"] }) {
  const t = useTranslations("needsAttention");
  if (state === "anchored") return null;
  return (
    <span
      className={
        state === "orphaned"
          ? "rounded border border-amber-400 bg-amber-50 px-1 font-medium text-amber-900"
          : "rounded border border-dashed border-sky-700 bg-sky-50 px-1 font-medium text-sky-900"
      }
      data-anchor-state={state}
    >
      {state === "orphaned" ? t("orphanedLabel") : t("changedLabel")}
    </span>
  );
}

/**
 * How an open claim sits on the article now, said plainly in its panel: a changed claim shows the words it was
 * made on beside the ones it sits on (the panel's quote); an orphan says its words are gone and that it is not
 * drawn; a claim taken off "Needs attention" says so, quietly. Nothing for an ordinary anchored claim.
 */
export function ClaimAnchorNote({ claim, contentLang }: { claim: ClaimView; contentLang?: string }) {
  const t = useTranslations("needsAttention");
  if (claim.state === "anchored" || !claim.target) return null;
  const quote = quoteOf(contentLang);
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="claim-anchor-note">
      {claim.state === "changed" ? (
        <p className="rounded-md border border-dashed border-sky-700 bg-sky-50 px-3 py-2 text-sky-950">
          <span className="font-semibold">{t("changedLabel")}: </span>
          {t.rich("changedSummary", { now: claim.target.selector[0].exact, was: claim.originalQuote ?? claim.target.selector[0].exact, nowQuote: quote, wasQuote: quote })}
        </p>
      ) : (
        <p className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-amber-950">
          <span className="font-semibold">{t("orphanedLabel")}: </span>
          {t("orphanedNote")}
        </p>
      )}
      {claim.attentionDismissed ? <p className="text-xs text-stone-500">{t("dismissedNote")}</p> : null}
    </div>
  );
}

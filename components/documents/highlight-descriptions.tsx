"use client";

import { useLocale, useMessages, useTranslations } from "next-intl";
import { useMemo } from "react";

import { createHighlightTranslator, describeHighlight } from "@/components/documents/highlight-summary";
import { getHighlightSummaryId } from "@/components/editor/highlight-stops";
import { useDescribeRating } from "@/components/verdicts/use-rating-scale";
import type { ClaimView } from "@/lib/claims/schema";

/** The id of the article's keyboard help, which the article is described by (components/documents/article-reader.tsx). */
export const articleKeyboardHelpId = "article-keyboard-help";

/**
 * Hidden text that descriptions point at (`aria-describedby`): the article's keyboard help, and per drawn claim
 * its tags and comment count, whether its text changed since it was made (and from what), and its published verdict (the words of its badge, which is hidden from assistive
 * technology), read after a highlight's text. Kept outside the editor, so a new comment or tag changes this text
 * and no decoration: the highlight a reader is on is not redrawn under them.
 */
export function HighlightDescriptions({ claims }: { claims: readonly ClaimView[] }) {
  const t = useTranslations("reader");
  const locale = useLocale();
  const messages = useMessages();
  const highlightWords = useMemo(() => createHighlightTranslator(locale, messages), [locale, messages]);
  const tVerdicts = useTranslations("verdicts");
  const tAttention = useTranslations("needsAttention");
  const describeRating = useDescribeRating();
  return (
    <div hidden>
      <p id={articleKeyboardHelpId}>{t("keyboardHelp")}</p>
      {claims.map((claim) => (
        <p key={claim.id} id={getHighlightSummaryId(claim.id)}>
          {describeHighlight(claim, highlightWords)}
          {claim.verdict ? `. ${tVerdicts("highlightDescription", { rating: describeRating(claim.verdict.rating).label })}` : null}
          {claim.state === "changed" && claim.originalQuote !== null ? `. ${tAttention("highlightChanged", { was: claim.originalQuote })}` : null}
        </p>
      ))}
    </div>
  );
}

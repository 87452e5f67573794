import { createTranslator } from "next-intl";

import type { ClaimView } from "@/lib/claims/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

/** Words for the highlights' descriptions in one language. */
export function createHighlightTranslator(locale: Locale, messages: Messages) {
  return createTranslator({ locale, messages, namespace: "reader.highlight" });
}

type HighlightTranslator = ReturnType<typeof createHighlightTranslator>;

/**
 * What a screen reader says about a claim's highlight, after its text: "Claim: military, diplomatic; 2 comments".
 * Tags are named, so colour never carries their meaning alone. Pure.
 */
export function describeHighlight(claim: Pick<ClaimView, "tags" | "commentCount" | "hidden">, t: HighlightTranslator): string {
  const values = { hidden: claim.hidden ? "yes" : "no", comments: claim.commentCount };
  if (claim.tags.length === 0) return t("summaryUntagged", values);
  return t("summary", { ...values, tags: claim.tags.map((tag) => tag.name).join(", ") });
}

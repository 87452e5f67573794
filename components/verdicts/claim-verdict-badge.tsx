"use client";

import { useTranslations } from "next-intl";

import { useDescribeRating } from "@/components/verdicts/use-rating-scale";
import { VerdictChip } from "@/components/verdicts/verdict-chip";
import type { ClaimVerdictSummary } from "@/lib/claims/schema";

/** A claim's published verdict in a list of claims: the rating's chip, "Verdict: …" to a screen reader; else nothing. */
export function ClaimVerdictBadge({ verdict }: { verdict: ClaimVerdictSummary | null }) {
  const t = useTranslations("verdicts");
  const describe = useDescribeRating();
  if (!verdict) return null;
  return <VerdictChip rating={describe(verdict.rating)} size="xs" srPrefix={t("badgePrefix")} />;
}

"use client";

import { useFormatter, useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

type ResolvedSummaryProps = {
  resolvedAt: string;
  /** Null while it is being read, or when that account is gone. */
  resolvedByName: string | null;
  /** Whether the discussion is shown below (the disclosure's state). */
  isShown: boolean;
  /** The id of the discussion's container, which the disclosure shows and hides. */
  contentId: string;
  onToggleShown: () => void;
};

/**
 * A resolved discussion folded to one line, "Resolved by Anna on 4 December 2026", and a disclosure button to show
 * it again ("Show discussion", `aria-expanded`, `aria-controls` the discussion).
 */
export function ResolvedSummary({ resolvedAt, resolvedByName, isShown, contentId, onToggleShown }: ResolvedSummaryProps) {
  const t = useTranslations("threads");
  const format = useFormatter();
  const date = format.dateTime(new Date(resolvedAt), { dateStyle: "long" });
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2">
      <p className="flex items-center gap-1.5 text-sm text-emerald-900" data-testid="thread-resolved">
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 shrink-0" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="m4.5 10.5 3.5 3.5 7.5-8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span>{resolvedByName ? t("resolvedBy", { name: resolvedByName, date }) : t("resolvedOn", { date })}</span>
      </p>
      <Button variant="ghost" size="sm" aria-expanded={isShown} aria-controls={contentId} onClick={onToggleShown}>
        <svg aria-hidden viewBox="0 0 20 20" className={isShown ? "size-4 rotate-90" : "size-4"} fill="none" stroke="currentColor" strokeWidth="2">
          <path d="m8 5 5 5-5 5" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {isShown ? t("hideDiscussion") : t("showDiscussion")}
      </Button>
    </div>
  );
}

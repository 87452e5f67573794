"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import type { HiddenView } from "@/lib/moderation/schema";

/** What members see instead of hidden content; its author also sees the reason (they were notified of it). */
export function HiddenPlaceholder({ hidden, what }: { hidden: HiddenView; what: "claim" | "comment" }) {
  const t = useTranslations("moderation");
  return (
    <div className="flex flex-col gap-0.5 text-sm text-stone-500 italic" data-hidden-placeholder>
      <p>{t("hiddenByModerator")}</p>
      {hidden.reason ? (
        <p className="not-italic">
          <span className="text-stone-600">{t("reasonGivenToYou")}</span> <span className="break-words whitespace-pre-wrap">{hidden.reason}</span>
        </p>
      ) : null}
      <span className="sr-only">{t("isHidden", { what })}</span>
    </div>
  );
}

type HiddenBannerProps = {
  hidden: HiddenView;
  canUnhide: boolean;
  /** Resolves when restored; rejects with a message to show. */
  onUnhide: () => Promise<unknown>;
};

/** For moderators and owners, above hidden content they can still read: a "Hidden" badge, why, who, and "Unhide". */
export function HiddenBanner({ hidden, canUnhide, onUnhide }: HiddenBannerProps) {
  const t = useTranslations("moderation");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  return (
    <div className="flex flex-col gap-1.5 rounded-md border border-stone-300 bg-stone-100 px-3 py-2 text-xs text-stone-700" data-hidden-banner>
      <div className="flex flex-wrap items-center gap-2">
        <span className="rounded bg-stone-700 px-1.5 py-0.5 font-semibold tracking-wide text-white uppercase">{t("hiddenBadge")}</span>
        <span>
          {t("hiddenBy", { name: hidden.byName ?? t("formerMember") })} <RelativeTime iso={hidden.at} />
        </span>
        {canUnhide ? (
          <Button
            variant="secondary"
            size="sm"
            className="ml-auto h-7"
            disabled={isSaving}
            onClick={async () => {
              setIsSaving(true);
              setError(null);
              try {
                await onUnhide();
              } catch (cause) {
                setError(cause instanceof Error ? cause.message : t("unhideFailed"));
              } finally {
                setIsSaving(false);
              }
            }}
          >
            {isSaving ? t("unhiding") : t("unhide")}
          </Button>
        ) : null}
      </div>
      {hidden.reason ? (
        <p>
          <span className="font-medium">{t("reason")}</span> <span className="break-words whitespace-pre-wrap">{hidden.reason}</span>
        </p>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

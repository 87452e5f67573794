"use client";

import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import type { LiveRevocation, LiveStatus } from "@/components/live/use-live-document";

const dotClass: Record<LiveStatus, string> = {
  connecting: "bg-stone-400",
  live: "bg-emerald-600",
  reconnecting: "bg-amber-500 motion-safe:animate-pulse",
  offline: "bg-stone-500",
  revoked: "bg-red-700",
};

/**
 * The live connection's state, in words (colour is only a second cue). A polite status region: screen readers
 * hear when the page goes offline or comes back.
 */
export function LiveStatusIndicator({ status, revocation }: { status: LiveStatus; revocation: LiveRevocation | null }) {
  const t = useTranslations("live");
  return (
    <p
      role="status"
      data-live-status={status}
      className={cn(
        "flex min-w-0 items-center gap-2 text-xs font-medium",
        status === "revoked" ? "text-red-800" : status === "live" ? "text-emerald-800" : "text-stone-600",
      )}
    >
      <span aria-hidden className={cn("size-2 shrink-0 rounded-full", dotClass[status])} />
      <span>{status === "revoked" && revocation === "sessionEnded" ? t("sessionEnded") : t(`status.${status}`)}</span>
    </p>
  );
}

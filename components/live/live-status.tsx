"use client";

import { cn } from "@/components/ui/cn";
import { defaultRevokedReason, type LiveStatus } from "@/components/live/use-live-document";

const statusText: Record<LiveStatus, string> = {
  connecting: "Connecting…",
  live: "Live",
  reconnecting: "Reconnecting…",
  offline: "Offline — changes will appear when you reconnect",
  revoked: "You no longer have access to this document",
};

const dotClass: Record<LiveStatus, string> = {
  connecting: "bg-stone-400",
  live: "bg-emerald-600",
  reconnecting: "bg-amber-500 motion-safe:animate-pulse",
  offline: "bg-stone-500",
  revoked: "bg-red-700",
};

/** Strips the trailing full stop, so the server's reason and the fixed sentence compare equal. */
function sentence(text: string): string {
  return text.trim().replace(/\.$/u, "");
}

/**
 * The live connection's state, in words (colour is only a second cue). A polite status region: screen readers
 * hear when the page goes offline or comes back.
 */
export function LiveStatusIndicator({ status, revokedReason }: { status: LiveStatus; revokedReason: string | null }) {
  const extra =
    status === "revoked" && revokedReason && sentence(revokedReason) !== sentence(defaultRevokedReason) ? ` — ${sentence(revokedReason)}` : "";
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
      <span>
        {statusText[status]}
        {extra}
      </span>
    </p>
  );
}

"use client";

import { useTranslations } from "next-intl";

/** Where a new document is: not sent, its body going up (a share of it), the server importing it, or opening it. */
export type SendingPhase = { kind: "idle" } | { kind: "sending"; percent: number } | { kind: "importing" } | { kind: "opening" };

/**
 * The upload's progress bar and what happens now. Only the phase is said to screen readers (a polite status, once
 * per phase, not once per percent); the bar carries the share sent for those who look or ask.
 */
export function SendingStatus({ phase }: { phase: SendingPhase }) {
  const t = useTranslations("teams.newDocument");
  const label = phase.kind === "sending" ? t("uploading") : phase.kind === "importing" ? t("importing") : phase.kind === "opening" ? t("opening") : "";
  return (
    <div className="flex items-center gap-3 text-sm text-stone-700" data-testid="sending-status">
      {phase.kind === "idle" ? null : (
        <progress
          max={100}
          // Indeterminate (no value) once the body is sent: the server's share of the work has no measure.
          value={phase.kind === "sending" ? phase.percent : undefined}
          aria-label={t("progressLabel")}
          className="h-2 w-40 accent-stone-900"
        />
      )}
      {phase.kind === "sending" ? <span aria-hidden="true">{t("percent", { percent: phase.percent / 100 })}</span> : null}
      <span role="status">{label}</span>
    </div>
  );
}

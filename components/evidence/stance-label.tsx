"use client";

import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import type { EvidenceStanceName } from "@/lib/evidence/schema";

/** Each stance's tint; the icon and the word say the same, so colour is never the only cue. */
const stanceTones: Record<EvidenceStanceName, string> = {
  supports: "border-emerald-300 bg-emerald-50 text-emerald-900",
  refutes: "border-red-300 bg-red-50 text-red-900",
  context: "border-sky-300 bg-sky-50 text-sky-900",
};

/** A stance's icon: a check mark (supports), a cross (refutes), an "i" (context). Decorative: the word names it. */
export function StanceIcon({ stance, className }: { stance: EvidenceStanceName; className?: string }) {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className={cn("size-4 shrink-0", className)} fill="none" stroke="currentColor" strokeWidth="1.6">
      <circle cx="8" cy="8" r="6.5" />
      {stance === "supports" ? <path d="M5 8.3l2 2 4-4.3" strokeLinecap="round" strokeLinejoin="round" /> : null}
      {stance === "refutes" ? <path d="M5.8 5.8l4.4 4.4M10.2 5.8l-4.4 4.4" strokeLinecap="round" /> : null}
      {stance === "context" ? <path d="M8 7.2v4M8 4.8v.1" strokeLinecap="round" strokeWidth="1.8" /> : null}
    </svg>
  );
}

/** A stance as a small label: icon and word ("Supports", "Weerlegt"), tinted. */
export function StanceLabel({ stance }: { stance: EvidenceStanceName }) {
  const t = useTranslations("evidence");
  return (
    <span
      data-stance={stance}
      className={cn("inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium", stanceTones[stance])}
    >
      <StanceIcon stance={stance} />
      {t(`stances.${stance}`)}
    </span>
  );
}

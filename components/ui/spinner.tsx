import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";

/** A small busy indicator with a text alternative ("Loading…" unless given a label). */
export function Spinner({ label, className }: { label?: string; className?: string }) {
  const t = useTranslations("ui");
  return (
    <span role="status" className={cn("inline-flex items-center gap-2 text-sm text-stone-500", className)}>
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-stone-300 border-t-stone-700" />
      <span>{label ?? t("loading")}…</span>
    </span>
  );
}

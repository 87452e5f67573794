import type { ReactNode } from "react";

import { cn } from "@/components/ui/cn";

const tones = {
  error: "border-red-200 bg-red-50 text-red-800",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
} as const;

/** An inline message; errors are announced to screen readers (role="alert"), others politely. */
export function Alert({ tone = "error", children, className }: { tone?: keyof typeof tones; children: ReactNode; className?: string }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-tone={tone}
      className={cn("rounded-md border px-3 py-2 text-sm", tones[tone], className)}
    >
      {children}
    </div>
  );
}

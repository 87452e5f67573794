import { cn } from "@/components/ui/cn";

/** A small busy indicator with a text alternative. */
export function Spinner({ label = "Loading", className }: { label?: string; className?: string }) {
  return (
    <span role="status" className={cn("inline-flex items-center gap-2 text-sm text-stone-500", className)}>
      <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-stone-300 border-t-stone-700" />
      <span>{label}…</span>
    </span>
  );
}

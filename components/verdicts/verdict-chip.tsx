import { cn } from "@/components/ui/cn";
import type { RatingDisplay } from "@/lib/verdicts/rating-display";
import { RatingIcon } from "@/components/verdicts/rating-icon";

type VerdictChipProps = {
  rating: RatingDisplay;
  size?: "xs" | "sm";
  className?: string;
  /** Words read before the label by assistive technology only, e.g. "Verdict:" where the chip stands alone. */
  srPrefix?: string;
};

/**
 * A rating as a chip: its icon and label in white on its colour (every rating colour keeps 4.5:1 with white;
 * lib/verdicts/rating-colors.ts). Never colour alone: the words are the chip's text.
 */
export function VerdictChip({ rating, size = "sm", className, srPrefix }: VerdictChipProps) {
  return (
    <span
      data-rating={rating.key}
      className={cn(
        "inline-flex items-center gap-1 rounded font-medium text-white",
        size === "xs" ? "px-1.5 py-0.5 text-xs" : "px-2 py-0.5 text-sm",
        className,
      )}
      style={{ backgroundColor: rating.color }}
    >
      <RatingIcon icon={rating.icon} className={size === "xs" ? "size-3" : "size-3.5"} />
      {srPrefix ? <span className="sr-only">{srPrefix} </span> : null}
      {rating.label}
    </span>
  );
}

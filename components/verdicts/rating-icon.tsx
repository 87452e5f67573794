import { ratingIconPaths } from "@/components/verdicts/rating-icon-paths";
import type { RatingIcon as RatingIconName } from "@/lib/verdicts/rating-display";

/** A rating's icon, decorative: the rating's words always stand beside it. */
export function RatingIcon({ icon, className = "size-3.5" }: { icon: RatingIconName; className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className={className} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      {ratingIconPaths[icon].map((path) => (
        <path key={path.d} d={path.d} fill={path.filled ? "currentColor" : "none"} />
      ))}
    </svg>
  );
}

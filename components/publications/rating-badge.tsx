import type { RatingScaleView, RatingView } from "@/lib/verdicts/scale";

type RatingShape = "check" | "half" | "cross" | "question";

/**
 * The icon's shape for a rating, from its place on the scale: the top quarter a check, the bottom quarter a cross,
 * the middle half a half-filled circle, an unscored rating (unverifiable) a question mark. With the label beside
 * it, the verdict never rests on colour alone.
 */
export function getRatingShape(rating: RatingView | undefined, scale: RatingScaleView): RatingShape {
  if (rating?.value == null) return "question";
  const span = scale.bestRating - scale.worstRating;
  const place = span > 0 ? (rating.value - scale.worstRating) / span : 1;
  if (place >= 0.75) return "check";
  if (place <= 0.25) return "cross";
  return "half";
}

/** The icon alone (decorative: the label says the same). */
export function RatingIcon({ shape }: { shape: RatingShape }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false" className="shrink-0" data-rating-shape={shape}>
      {shape === "check" ? <path d="M3 8.5l3 3 7-7" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" /> : null}
      {shape === "cross" ? <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" /> : null}
      {shape === "half" ? (
        <>
          <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M8 2a6 6 0 0 1 0 12z" fill="currentColor" />
        </>
      ) : null}
      {shape === "question" ? (
        <>
          <path d="M5.5 6a2.5 2.5 0 1 1 3.6 2.2c-.7.4-1.1.9-1.1 1.6V10" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" />
          <circle cx="8" cy="13" r="1.1" fill="currentColor" />
        </>
      ) : null}
    </svg>
  );
}

/**
 * A verdict as a chip: icon, optional number and label in white on the rating's colour (every rating colour keeps
 * 4.5:1 contrast with white; lib/verdicts/scale.ts).
 */
export function RatingBadge({ color, shape, label, number }: { color: string; shape: RatingShape; label: string; number?: number }) {
  return (
    <span
      className="inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-sans text-xs leading-5 font-semibold text-white"
      style={{ backgroundColor: color }}
      data-rating-label={label}
    >
      <RatingIcon shape={shape} />
      {/* The spaces keep the words apart for screen readers and in copied text; the flex gap spaces them on screen. */}
      {number !== undefined ? <span className="tabular-nums">{number}</span> : null}{" "}
      <span>{label}</span>
    </span>
  );
}

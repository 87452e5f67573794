/**
 * A team's rating scale for verdicts. Pure: the default scale, and how stored rows become the scale a team
 * uses. Every team starts with the default (no rows); an owner's edits are stored as rows (Rating) and replace
 * it. Each rating's place gives its number for ClaimReview: the scored ratings count down from the best (the
 * highest number) to the worst (1); unscored ones ("unverifiable") have a label and no number.
 */
export const defaultRatingKeys = ["true", "mostly_true", "half_true", "mostly_false", "false", "unverifiable"] as const;
export type DefaultRatingKey = (typeof defaultRatingKeys)[number];

/**
 * The default scale, best first. Colours keep at least 4.5:1 contrast with white text (WCAG AA; checked in
 * scale.test.ts) and run green → red, with slate for "unverifiable"; the verdict's icon and label always
 * accompany the colour.
 */
export const defaultRatingScale: readonly { key: DefaultRatingKey; color: string; scored: boolean }[] = [
  { key: "true", color: "#15803d", scored: true },
  { key: "mostly_true", color: "#3f6212", scored: true },
  { key: "half_true", color: "#8a5a00", scored: true },
  { key: "mostly_false", color: "#c2410c", scored: true },
  { key: "false", color: "#b91c1c", scored: true },
  { key: "unverifiable", color: "#475569", scored: false },
];

/** A stored rating row (or a default one). */
export type RatingRecord = { key: string; label: string | null; color: string; position: number; scored: boolean };

/**
 * One rating of a team's scale as the API sends it. `label` is the team's own label, or null for a default
 * rating whose label is the built-in one in the reader's language (messages `verdicts.ratings.<key>`).
 * `value` is its number on the scale (null when unscored).
 */
export type RatingView = { key: string; label: string | null; color: string; scored: boolean; value: number | null };

/** The whole scale, best first, with the numbers ClaimReview needs. */
export type RatingScaleView = { ratings: RatingView[]; bestRating: number; worstRating: number };

/** The scale a team uses: its stored rows in order, or the default when it has none. */
export function toRatingScale(rows: readonly RatingRecord[]): RatingScaleView {
  const records: readonly RatingRecord[] =
    rows.length > 0
      ? [...rows].sort((a, b) => a.position - b.position)
      : defaultRatingScale.map((rating, position) => ({ ...rating, label: null, position }));
  const scoredCount = records.filter((rating) => rating.scored).length;
  let scoredSeen = 0;
  const ratings = records.map((rating) => {
    const value = rating.scored ? scoredCount - scoredSeen++ : null;
    return { key: rating.key, label: rating.label, color: rating.color, scored: rating.scored, value };
  });
  return { ratings, bestRating: scoredCount, worstRating: scoredCount > 0 ? 1 : 0 };
}

/** The rating with `key` on the scale, or undefined when the scale has no such rating. */
export function findRating(scale: RatingScaleView, key: string): RatingView | undefined {
  return scale.ratings.find((rating) => rating.key === key);
}

/** True when `key` is one of the default scale's (its label is then a message: `verdicts.ratings.<key>`). */
export function isDefaultRatingKey(key: string): key is DefaultRatingKey {
  return (defaultRatingKeys as readonly string[]).includes(key);
}

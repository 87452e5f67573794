/**
 * How a rating is shown: its words, its colour and its icon, always together, so a verdict never rests on
 * colour alone. Pure; shared by the claim panel, the claim list, the article's highlights and the scale editor.
 */
import { defaultRatingScale, findRating, isDefaultRatingKey, type DefaultRatingKey, type RatingScaleView } from "@/lib/verdicts/scale";

/** The shape of a rating's icon: a tick for true, a cross for false, half for half true, a question mark. */
export type RatingIcon = "check" | "half" | "cross" | "question" | "mark";

/** A rating as the interface shows it. */
export type RatingDisplay = { key: string; label: string; color: string; icon: RatingIcon };

/** The colour of a rating the scale does not know (older data): slate, readable under white text. */
const unknownRatingColor = "#475569";

const iconByDefaultKey: Record<DefaultRatingKey, RatingIcon> = {
  true: "check",
  mostly_true: "check",
  half_true: "half",
  mostly_false: "cross",
  false: "cross",
  unverifiable: "question",
};

/**
 * The words, colour and icon of rating `key` on `scale`. A label the team set wins; otherwise a default
 * rating's built-in label in the reader's language (`builtInLabel`, from messages `verdicts.ratings.<key>`).
 * A key the scale does not have keeps its built-in label and colour if it is a default one, else shows the key.
 */
export function describeRating(
  scale: RatingScaleView | undefined,
  key: string,
  builtInLabel: (key: DefaultRatingKey) => string,
): RatingDisplay {
  const rating = scale ? findRating(scale, key) : undefined;
  const isDefault = isDefaultRatingKey(key);
  const label = rating?.label ?? (isDefault ? builtInLabel(key) : key);
  const color = rating?.color ?? defaultRatingScale.find((entry) => entry.key === key)?.color ?? unknownRatingColor;
  return { key, label, color, icon: isDefault ? iconByDefaultKey[key] : "mark" };
}

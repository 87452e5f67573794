/**
 * A verdict's rating in words. Pure: shared by the ClaimReview builder (in the article's language) and the public
 * page (in the reader's).
 */
import type { Translate } from "@/lib/i18n/localized-message";
import { defaultLocale, type Locale } from "@/lib/i18n/locales";
import { isDefaultRatingKey, type RatingView } from "@/lib/verdicts/scale";

/**
 * The label of `rating` (looked up by `key` on the team's scale): the team's own label, else the built-in one in
 * the language of `translate` (`verdicts.ratings.<key>`), else, for a key the scale no longer has, the key itself.
 */
export function getRatingLabel(key: string, rating: RatingView | undefined, translate: Translate): string {
  if (rating?.label) return rating.label;
  return isDefaultRatingKey(key) ? translate(`verdicts.ratings.${key}`) : key;
}

/**
 * The language a document's ClaimReview labels are written in: the article's own when Margin speaks it (en or nl:
 * a fact check of a Dutch article is read by Dutch readers), else English.
 */
export function getLabelLocale(documentLang: string): Locale {
  const language = documentLang.toLowerCase().split("-")[0];
  return language === "nl" || language === "en" ? language : defaultLocale;
}

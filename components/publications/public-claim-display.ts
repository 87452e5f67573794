/**
 * How each published claim is shown on the public page: number, colour, icon and label. Pure; built once by the
 * page and handed to the article and the list, so both say the same.
 */
import { getRatingLabel } from "@/lib/claimreview/rating-label";
import type { Translate } from "@/lib/i18n/localized-message";
import { findRating, type RatingScaleView } from "@/lib/verdicts/scale";

import { getRatingShape } from "@/components/publications/rating-badge";

/** Colour of a verdict whose rating is no longer on the scale: slate, with 4.5:1 contrast with white. */
const unknownRatingColor = "#475569";

export type PublicClaimDisplay = { number: number; color: string; shape: ReturnType<typeof getRatingShape>; label: string };

/** The display of each claim, by id; labels in the language of `translate` (the reader's). */
export function buildClaimDisplays(
  claims: readonly { id: string; number: number; verdict: { rating: string } }[],
  scale: RatingScaleView,
  translate: Translate,
): Map<string, PublicClaimDisplay> {
  return new Map(
    claims.map((claim) => {
      const rating = findRating(scale, claim.verdict.rating);
      return [
        claim.id,
        {
          number: claim.number,
          color: rating?.color ?? unknownRatingColor,
          shape: getRatingShape(rating, scale),
          label: getRatingLabel(claim.verdict.rating, rating, translate),
        },
      ];
    }),
  );
}

"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, type ReactNode } from "react";

import { apiClient } from "@/lib/api/client";
import { describeRating, type RatingDisplay } from "@/lib/verdicts/rating-display";
import type { RatingScaleView } from "@/lib/verdicts/scale";

/** The query key of a team's rating scale (GET /api/teams/{id}/ratings). */
export const ratingScaleQueryKey = (teamId: string) => ["teams", teamId, "ratings"] as const;

/**
 * A team's rating scale, seeded with what the server rendered when there is one (the document page's
 * `DocumentDetail.ratingScale`); read through the JSON API otherwise.
 */
export function useRatingScale(teamId: string, initial?: RatingScaleView) {
  return useQuery({
    queryKey: ratingScaleQueryKey(teamId),
    queryFn: (): Promise<RatingScaleView> => apiClient.getRatingScale(teamId),
    ...(initial ? { initialData: initial } : {}),
  });
}

const RatingScaleContext = createContext<RatingScaleView | undefined>(undefined);

/**
 * Makes a team's scale (from `useRatingScale`) known to everything below, such as the claim list's verdict
 * badges, so that components which show a rating need not be handed the team.
 */
export function RatingScaleProvider({ scale, children }: { scale: RatingScaleView; children: ReactNode }) {
  return <RatingScaleContext.Provider value={scale}>{children}</RatingScaleContext.Provider>;
}

/**
 * Rating key → its words, colour and icon, on `scale` (or the provided one): the team's label, else the
 * built-in label in the interface language. Without a scale, default ratings still show theirs.
 */
export function useDescribeRating(scale?: RatingScaleView): (key: string) => RatingDisplay {
  const provided = useContext(RatingScaleContext);
  const t = useTranslations("verdicts");
  const effective = scale ?? provided;
  return useCallback((key: string) => describeRating(effective, key, (defaultKey) => t(`ratings.${defaultKey}`)), [effective, t]);
}

import { z } from "zod";

import { tagColorPattern } from "@/lib/tags/colors";
import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";
import { isRatingColor } from "@/lib/verdicts/rating-colors";
import type { RatingScaleView } from "@/lib/verdicts/scale";

export const verdictLimits = { summaryMax: 2_000, ratingKeyMax: 64, ratingLabelMax: 40, ratingsMax: 20 } as const;

/** A rating's key as a client names it ("mostly_false"); whether the team's scale has it is the service's check. */
const ratingKeySchema = userText({ label: "validation.labels.rating", trim: true })
  .min(1, validationMessage("validation.verdicts.ratingRequired"))
  .max(verdictLimits.ratingKeyMax, validationMessage("validation.verdicts.ratingTooLong", { maximum: verdictLimits.ratingKeyMax }));

/** `PUT /api/claims/{id}/verdict`: the proposed rating and why (1–2,000 characters, trimmed). */
export const proposeVerdictInputSchema = z.object({
  rating: ratingKeySchema,
  summary: userText({ label: "validation.labels.summary", multiline: true, trim: true })
    .min(1, validationMessage("validation.verdicts.summaryRequired"))
    .max(verdictLimits.summaryMax, validationMessage("validation.verdicts.summaryTooLong", { maximum: verdictLimits.summaryMax })),
});

export type ProposeVerdictInput = z.infer<typeof proposeVerdictInputSchema>;
/** What a client sends to propose a verdict. */
export type ProposeVerdictRequest = z.input<typeof proposeVerdictInputSchema>;

/** A rating's label on the team's scale: 1–40 characters, trimmed; null gives a default rating its built-in label. */
const ratingLabelSchema = userText({ label: "validation.labels.ratings", trim: true })
  .min(1, validationMessage("validation.verdicts.labelRequired"))
  .max(verdictLimits.ratingLabelMax, validationMessage("validation.verdicts.labelTooLong", { maximum: verdictLimits.ratingLabelMax }))
  .nullable();

/** A rating's colour: a palette colour, or a #rrggbb readable under white text and as a highlight's tint. */
const ratingColorSchema = userText({ label: "validation.labels.colour", trim: true })
  .toLowerCase()
  .refine((color) => tagColorPattern.test(color), { error: validationMessage("validation.verdicts.colourFormat"), abort: true })
  .refine(isRatingColor, validationMessage("validation.verdicts.colourNotReadable"));

/**
 * `PUT /api/teams/{id}/ratings`: the scale's labels and colours, best first. The keys must be the scale's own,
 * in its order (the service checks): a rating's place is its number in ClaimReview, so reordering or swapping
 * keys would change what published verdicts say.
 */
export const updateRatingScaleInputSchema = z.object({
  ratings: z
    .array(z.object({ key: ratingKeySchema, label: ratingLabelSchema, color: ratingColorSchema }))
    .min(1, validationMessage("validation.verdicts.ratingsRequired"))
    .max(verdictLimits.ratingsMax),
});

export type UpdateRatingScaleInput = z.infer<typeof updateRatingScaleInputSchema>;
/** What a client sends to edit the scale. */
export type UpdateRatingScaleRequest = z.input<typeof updateRatingScaleInputSchema>;

/** `GET`/`PUT /api/teams/{id}/ratings`: the team's scale, and whether the caller may edit it (owners). */
export type TeamRatingScaleView = RatingScaleView & { abilities: { canManage: boolean } };

/** A person named in a verdict; null when their account no longer exists. */
export type VerdictPersonView = { id: string; name: string } | null;

/** The verdict a member proposed, waiting for an editor to publish it. */
export type VerdictProposalView = { rating: string; summary: string; proposedBy: VerdictPersonView; proposedAt: string };

/** The published verdict as it stands: first published at `publishedAt`, last corrected at `updatedAt` (or never). */
export type PublishedVerdictView = {
  rating: string;
  summary: string;
  publishedAt: string;
  updatedAt: string | null;
  publishedBy: VerdictPersonView;
};

/** One publication of the verdict: the first, or a correction. */
export type VerdictRevisionView = {
  rating: string;
  summary: string;
  publishedAt: string;
  publishedBy: VerdictPersonView;
  proposedBy: VerdictPersonView;
};

/** `GET /api/claims/{id}/verdict`: the proposal, the published verdict and every publication, oldest first. */
export type ClaimVerdictView = {
  proposal: VerdictProposalView | null;
  published: PublishedVerdictView | null;
  revisions: VerdictRevisionView[];
};

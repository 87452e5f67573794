"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";

import { TagColorPicker } from "@/components/tags/tag-color-picker";
import { TextField } from "@/components/ui/text-field";
import { VerdictChip } from "@/components/verdicts/verdict-chip";
import type { RatingDisplay } from "@/lib/verdicts/rating-display";
import { verdictLimits } from "@/lib/verdicts/schema";

/** One rating as the editor holds it: an empty label means the built-in one. */
export type RatingDraft = { key: string; label: string; color: string };

type RatingScaleRowProps = {
  draft: RatingDraft;
  /** How the rating shows with the draft's label and colour (a preview). */
  preview: RatingDisplay;
  /** Its built-in label ("Mostly false"), or its key when it has none: names its fields. */
  builtInLabel: string;
  /** "4 of 5", or "not scored". */
  place: string;
  errors: { label?: string; color?: string };
  onChange: (draft: RatingDraft) => void;
};

/** A rating's label and colour, with a preview of its chip: palette swatches, or a colour code. */
export function RatingScaleRow({ draft, preview, builtInLabel, place, errors, onChange }: RatingScaleRowProps) {
  const t = useTranslations("ratings");
  const id = useId();
  return (
    <li className="flex flex-col gap-3 px-4 py-4" data-rating-key={draft.key}>
      <div className="flex flex-wrap items-center gap-3">
        <VerdictChip rating={preview} />
        <span className="text-sm text-stone-600">{place}</span>
      </div>
      <TextField
        label={t("labelField", { rating: builtInLabel })}
        value={draft.label}
        placeholder={builtInLabel}
        maxLength={verdictLimits.ratingLabelMax * 2}
        autoComplete="off"
        className="max-w-md"
        error={errors.label}
        onChange={(event) => onChange({ ...draft, label: event.target.value })}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.color ? `${id}-colour-error` : undefined}>
        <legend className="mb-1 text-sm font-medium text-stone-800">{t("colourLegend", { rating: builtInLabel })}</legend>
        <TagColorPicker value={draft.color} label={t("paletteLabel", { rating: builtInLabel })} onChange={(color) => onChange({ ...draft, color })} />
        <TextField
          label={t("colourCode", { rating: builtInLabel })}
          value={draft.color}
          maxLength={7}
          autoComplete="off"
          spellCheck={false}
          className="max-w-64"
          onChange={(event) => onChange({ ...draft, color: event.target.value.trim() })}
        />
        {errors.color ? (
          <p id={`${id}-colour-error`} className="text-sm text-red-700">
            {errors.color}
          </p>
        ) : null}
      </fieldset>
    </li>
  );
}

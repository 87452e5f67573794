"use client";

import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { VerdictChip } from "@/components/verdicts/verdict-chip";
import { ApiError } from "@/lib/api/client";
import { localizeIssue } from "@/lib/validation/messages";
import type { RatingDisplay } from "@/lib/verdicts/rating-display";
import type { RatingScaleView } from "@/lib/verdicts/scale";
import { proposeVerdictInputSchema, verdictLimits, type ProposeVerdictRequest } from "@/lib/verdicts/schema";

type ProposeVerdictFormProps = {
  scale: RatingScaleView;
  describe: (key: string) => RatingDisplay;
  /** What the form starts with: the proposal waiting, if any. */
  initial?: { rating: string; summary: string };
  /** Resolves when saved; rejects with the server's error, shown by its field. The form keeps what was typed. */
  onSubmit: (verdict: ProposeVerdictRequest) => Promise<unknown>;
  onCancel: () => void;
};

/**
 * A verdict to propose: a rating from the team's scale (a radio group: each option is the rating's chip, so its
 * name is its words) and a summary of why. Checked with the server's schema before sending.
 */
export function ProposeVerdictForm({ scale, describe, initial, onSubmit, onCancel }: ProposeVerdictFormProps) {
  const t = useTranslations("verdicts.form");
  const messages = useTranslations();
  const locale = useLocale();
  const id = useId();
  const [rating, setRating] = useState(initial?.rating ?? "");
  const [summary, setSummary] = useState(initial?.summary ?? "");
  const [errors, setErrors] = useState<{ rating?: string; summary?: string; form?: string }>({});
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSaving) return;
    const parsed = proposeVerdictInputSchema.safeParse({ rating, summary });
    if (!parsed.success) {
      const next: typeof errors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] === "rating" ? "rating" : "summary";
        next[field] ??= localizeIssue(issue, locale, messages);
      }
      setErrors(next);
      return;
    }
    setErrors({});
    setIsSaving(true);
    try {
      await onSubmit(parsed.data);
    } catch (cause) {
      const fields = cause instanceof ApiError ? (cause.details?.fields as Record<string, string> | undefined) : undefined;
      if (fields?.rating || fields?.summary) setErrors({ rating: fields.rating, summary: fields.summary });
      else setErrors({ form: cause instanceof Error ? cause.message : t("saveFailed") });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} className="text-sm font-semibold text-stone-800">
        {initial ? t("headingChange") : t("heading")}
      </h4>
      <fieldset className="flex flex-col gap-1.5" aria-describedby={errors.rating ? `${id}-rating-error` : undefined}>
        <legend className="mb-1 text-xs font-medium text-stone-600">{t("rating")}</legend>
        {scale.ratings.map((option) => (
          <label key={option.key} className="flex cursor-pointer items-center gap-2">
            <input
              type="radio"
              name={`${id}-rating`}
              value={option.key}
              checked={rating === option.key}
              onChange={() => setRating(option.key)}
              className="size-4 accent-stone-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
            />
            <VerdictChip rating={describe(option.key)} size="xs" />
          </label>
        ))}
        {errors.rating ? (
          <p id={`${id}-rating-error`} className="text-sm text-red-700">
            {errors.rating}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-summary`} className="text-xs font-medium text-stone-600">
          {t("summary")}
        </label>
        <textarea
          id={`${id}-summary`}
          value={summary}
          rows={4}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={`${id}-summary-hint${errors.summary ? ` ${id}-summary-error` : ""}`}
          onChange={(event) => setSummary(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") onCancel();
          }}
          className={cn(
            "w-full resize-y rounded-md border bg-white px-3 py-2 text-sm text-stone-900 outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
            errors.summary ? "border-red-600" : "border-stone-300",
          )}
        />
        <p id={`${id}-summary-hint`} className="text-xs text-stone-500">
          {t("summaryHint", { maximum: verdictLimits.summaryMax })}
        </p>
        {errors.summary ? (
          <p id={`${id}-summary-error`} className="text-sm text-red-700">
            {errors.summary}
          </p>
        ) : null}
      </div>
      {errors.form ? <Alert>{errors.form}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSaving}>
          {isSaving ? t("submitting") : t("submit")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

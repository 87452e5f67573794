"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useColourName } from "@/components/tags/use-colour-name";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RatingScaleRow, type RatingDraft } from "@/components/verdicts/rating-scale-row";
import { ratingScaleQueryKey, useDescribeRating } from "@/components/verdicts/use-rating-scale";
import { VerdictChip } from "@/components/verdicts/verdict-chip";
import { ApiError, apiClient, describeApiError } from "@/lib/api/client";
import { localizeIssue } from "@/lib/validation/messages";
import { isDefaultRatingKey } from "@/lib/verdicts/scale";
import { updateRatingScaleInputSchema, type TeamRatingScaleView } from "@/lib/verdicts/schema";

/** The editor's own key under the team's scale: its answer carries abilities, the document page's does not. */
const editorQueryKey = (teamId: string) => [...ratingScaleQueryKey(teamId), "editor"] as const;

type RowErrors = Record<number, { label?: string; color?: string }>;

/**
 * A team's rating scale, best first: each rating's chip (icon, words, colour) and its place on the scale. The
 * owner edits labels and colours (checked with the server's schema before sending); everyone else reads it.
 */
export function RatingScaleEditor({ teamId, initial }: { teamId: string; initial: TeamRatingScaleView }) {
  const t = useTranslations("ratings");
  const tVerdicts = useTranslations("verdicts");
  const messages = useTranslations();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const colourName = useColourName();
  const scale = useQuery({ queryKey: editorQueryKey(teamId), queryFn: () => apiClient.getRatingScale(teamId), initialData: initial }).data;
  const describe = useDescribeRating(scale);
  const [drafts, setDrafts] = useState<RatingDraft[] | null>(null);
  const [rowErrors, setRowErrors] = useState<RowErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");

  const save = useMutation({
    mutationFn: (body: Parameters<typeof apiClient.updateRatingScale>[1]) => apiClient.updateRatingScale(teamId, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(editorQueryKey(teamId), saved);
      // Documents of the team read the new labels and colours.
      void queryClient.invalidateQueries({ queryKey: ratingScaleQueryKey(teamId), exact: true });
    },
  });

  const builtInLabel = (key: string) => (isDefaultRatingKey(key) ? tVerdicts(`ratings.${key}`) : key);
  const place = (value: number | null) => (value === null ? t("unscored") : t("place", { value, best: scale.bestRating }));
  const startEditing = () => {
    setDrafts(scale.ratings.map((rating) => ({ key: rating.key, label: rating.label ?? "", color: rating.color })));
    setRowErrors({});
    setFormError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!drafts || save.isPending) return;
    const body = { ratings: drafts.map((draft) => ({ key: draft.key, label: draft.label.trim() === "" ? null : draft.label, color: draft.color })) };
    const parsed = updateRatingScaleInputSchema.safeParse(body);
    if (!parsed.success) {
      const errors: RowErrors = {};
      for (const issue of parsed.error.issues) {
        const [, index, field] = issue.path;
        if (typeof index === "number" && (field === "label" || field === "color")) {
          errors[index] = { ...errors[index], [field]: errors[index]?.[field] ?? localizeIssue(issue, locale, messages) };
        }
      }
      setRowErrors(errors);
      setFormError(t("checkInput"));
      return;
    }
    setRowErrors({});
    setFormError(null);
    try {
      await save.mutateAsync(parsed.data);
      setDrafts(null);
      setAnnouncement(t("saved"));
    } catch (cause) {
      setFormError(t("saveFailed", { message: cause instanceof ApiError ? describeApiError(cause, messages) : String(cause) }));
    }
  }

  return (
    <section aria-labelledby="ratings-heading" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id="ratings-heading" className="text-lg font-semibold">
            {t("heading")}
          </h2>
          <p className="max-w-prose text-sm text-stone-600">{scale.abilities.canManage ? t("introManage") : t("introRead")}</p>
        </div>
        {scale.abilities.canManage && !drafts ? (
          <Button size="sm" onClick={startEditing}>
            {t("edit")}
          </Button>
        ) : null}
      </div>

      {drafts ? (
        <form onSubmit={submit} noValidate className="flex flex-col gap-4">
          <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label={t("listLabel")}>
            {drafts.map((draft, index) => (
              <RatingScaleRow
                key={draft.key}
                draft={draft}
                preview={{ ...describe(draft.key), label: draft.label.trim() || builtInLabel(draft.key), color: draft.color }}
                builtInLabel={builtInLabel(draft.key)}
                place={place(scale.ratings[index]?.value ?? null)}
                errors={rowErrors[index] ?? {}}
                onChange={(next) => setDrafts((current) => current && current.map((item, at) => (at === index ? next : item)))}
              />
            ))}
          </ol>
          {formError ? <Alert>{formError}</Alert> : null}
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={save.isPending}>
              {save.isPending ? t("saving") : t("save")}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => setDrafts(null)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : (
        <ol className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label={t("listLabel")}>
          {scale.ratings.map((rating) => (
            <li key={rating.key} className="flex flex-wrap items-center gap-3 px-4 py-3" data-rating-key={rating.key}>
              <VerdictChip rating={describe(rating.key)} />
              <span className="text-xs text-stone-500">{colourName(rating.color)}</span>
              <span className="ml-auto text-sm text-stone-600">{place(rating.value)}</span>
            </li>
          ))}
        </ol>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";

import { createDocumentAction } from "@/app/(app)/teams/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { documentLimits } from "@/lib/documents/schema";
import type { ActionState } from "@/lib/forms/action-state";

/** Paste an article's text; blank lines separate paragraphs, short lines become subheadings. */
export function AddDocumentForm({ teamId }: { teamId: string }) {
  const [state, formAction, isPending] = useActionState<ActionState, FormData>(createDocumentAction.bind(null, teamId), {});
  const textId = useId();
  const t = useTranslations("teams.newDocument");
  return (
    <form action={formAction} className="flex max-w-2xl flex-col gap-4" noValidate>
      {state.message && !state.fields ? <Alert>{state.message}</Alert> : null}
      <TextField label={t("titleLabel")} name="title" required maxLength={documentLimits.titleMax} error={state.fields?.title} />
      <div className="flex flex-col gap-1">
        <label htmlFor={textId} className="text-sm font-medium text-stone-800">
          {t("textLabel")}
        </label>
        <p id={`${textId}-hint`} className="text-sm text-stone-500">
          {t("textHint")}
        </p>
        <textarea
          id={textId}
          name="text"
          rows={16}
          required
          aria-describedby={`${textId}-hint`}
          aria-invalid={state.fields?.text ? true : undefined}
          className="rounded-md border border-stone-300 bg-white px-3 py-2 font-serif text-sm outline-none focus-visible:ring-2 focus-visible:ring-sky-600"
        />
        {state.fields?.text ? <p className="text-sm text-red-700">{state.fields.text}</p> : null}
      </div>
      <div>
        <Button type="submit" disabled={isPending}>
          {isPending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

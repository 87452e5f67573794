"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { TagColorPicker } from "@/components/tags/tag-color-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api/client";
import { createTagInputSchema } from "@/lib/tags/schema";
import { localizeIssue } from "@/lib/validation/messages";

type TagFormProps = {
  initialName?: string;
  initialColor: string;
  /** "create" labels the button "Create tag", "edit" labels it "Save". */
  mode: "create" | "edit";
  /** Resolves when saved; rejects with a message to show. The form keeps what was typed on failure. */
  onSubmit: (tag: { name: string; color: string }) => Promise<unknown>;
  onCancel: () => void;
};

/** A tag's name and colour, checked with the server's schema before sending; the server's 409 shown by the name. */
export function TagForm({ initialName = "", initialColor, mode, onSubmit, onCancel }: TagFormProps) {
  const t = useTranslations("tags.form");
  const locale = useLocale();
  const messages = useTranslations();
  const [name, setName] = useState(initialName);
  const [color, setColor] = useState(initialColor);
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSaving) return;
    setError(null);
    setNameError(undefined);
    const parsed = createTagInputSchema.safeParse({ name, color });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const message = issue ? localizeIssue(issue, locale, messages) : t("checkInput");
      if (issue?.path[0] === "name") setNameError(message);
      else setError(message);
      return;
    }
    setIsSaving(true);
    try {
      await onSubmit(parsed.data);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : t("saveFailed");
      if (cause instanceof ApiError && cause.code === "conflict") setNameError(message);
      else setError(message);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <TextField
        label={t("name")}
        value={name}
        autoFocus
        maxLength={200}
        autoComplete="off"
        error={nameError}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
        }}
      />
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1.5 text-sm font-medium text-stone-800">{t("colour")}</legend>
        <TagColorPicker value={color} onChange={setColor} label={t("colour")} />
      </fieldset>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSaving}>
          {isSaving ? t("saving") : mode === "create" ? t("create") : t("save")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

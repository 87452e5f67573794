"use client";

import { useState, type FormEvent } from "react";

import { TagColorPicker } from "@/components/tags/tag-color-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { ApiError } from "@/lib/api/client";
import { createTagInputSchema } from "@/lib/tags/schema";

type TagFormProps = {
  initialName?: string;
  initialColor: string;
  submitLabel: "Create tag" | "Save";
  /** Resolves when saved; rejects with a message to show. The form keeps what was typed on failure. */
  onSubmit: (tag: { name: string; color: string }) => Promise<unknown>;
  onCancel: () => void;
};

/** A tag's name and colour, checked with the server's schema before sending; the server's 409 shown by the name. */
export function TagForm({ initialName = "", initialColor, submitLabel, onSubmit, onCancel }: TagFormProps) {
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
      if (issue?.path[0] === "name") setNameError(issue.message);
      else setError(issue?.message ?? "Check the name and the colour.");
      return;
    }
    setIsSaving(true);
    try {
      await onSubmit(parsed.data);
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : "Could not save the tag. Try again.";
      if (cause instanceof ApiError && cause.code === "conflict") setNameError(message);
      else setError(message);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-3">
      <TextField
        label="Name"
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
        <legend className="mb-1.5 text-sm font-medium text-stone-800">Colour</legend>
        <TagColorPicker value={color} onChange={setColor} label="Colour" />
      </fieldset>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSaving}>
          {isSaving ? "Saving…" : submitLabel}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

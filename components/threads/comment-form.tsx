"use client";

import { useId, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { commentBodyMax } from "@/lib/threads/schema";

type CommentFormProps = {
  label: "Comment" | "Reply" | "Edit comment";
  submitLabel: "Post" | "Save";
  initialBody?: string;
  autoFocus?: boolean;
  /** Resolves when saved; rejects with a message to show. The text is kept on failure. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
};

/** A labelled comment box with length feedback; Ctrl/⌘+Enter posts, Escape cancels. */
export function CommentForm({ label, submitLabel, initialBody = "", autoFocus, onSubmit, onCancel }: CommentFormProps) {
  const id = useId();
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const trimmedLength = body.trim().length;
  const isTooLong = body.length > commentBodyMax;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (isSaving) return;
    if (trimmedLength === 0) {
      setError(`Write something before you ${submitLabel === "Post" ? "post" : "save"}.`);
      return;
    }
    if (isTooLong) {
      setError(`A comment has at most ${commentBodyMax.toLocaleString("en")} characters.`);
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await onSubmit(body);
      setBody("");
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : "Could not save your comment. Try again.");
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <label htmlFor={id} className="text-xs font-medium text-stone-600">
        {label}
      </label>
      <textarea
        id={id}
        value={body}
        autoFocus={autoFocus}
        rows={label === "Comment" ? 3 : 2}
        placeholder={label === "Reply" ? "Write a reply…" : "Add to the discussion…"}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-count`}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
          if (event.key === "Escape" && onCancel) onCancel();
        }}
        className={cn(
          "w-full resize-y rounded-md border bg-white px-3 py-2 text-sm text-stone-900 outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
          error || isTooLong ? "border-red-600" : "border-stone-300",
        )}
      />
      <div className="flex items-center justify-between gap-2">
        <span id={`${id}-count`} className={cn("text-xs", isTooLong ? "text-red-700" : "text-stone-500")}>
          {body.length > commentBodyMax * 0.8 ? `${body.length.toLocaleString("en")} / ${commentBodyMax.toLocaleString("en")}` : ""}
        </span>
        <div className="flex gap-2">
          {onCancel ? (
            <Button variant="ghost" size="sm" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" size="sm" disabled={isSaving}>
            {isSaving ? "Saving…" : submitLabel}
          </Button>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
}

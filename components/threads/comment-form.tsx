"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { commentBodyMax } from "@/lib/threads/schema";

/** The box's purpose, which names it: a new comment or reply is posted, an edit is saved. */
type CommentFormKind = "comment" | "reply" | "edit";

const labelKey = { comment: "commentLabel", reply: "replyLabel", edit: "editLabel" } as const;

type CommentFormProps = {
  kind: CommentFormKind;
  initialBody?: string;
  autoFocus?: boolean;
  /** Resolves when saved; rejects with a message to show. The text is kept on failure. */
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
};

/** A labelled comment box with length feedback; Ctrl/⌘+Enter posts, Escape cancels. */
export function CommentForm({ kind, initialBody = "", autoFocus, onSubmit, onCancel }: CommentFormProps) {
  const t = useTranslations("threads");
  const id = useId();
  const isEdit = kind === "edit";
  const [body, setBody] = useState(initialBody);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const trimmedLength = body.trim().length;
  const isTooLong = body.length > commentBodyMax;

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (isSaving) return;
    if (trimmedLength === 0) {
      setError(isEdit ? t("emptySave") : t("emptyPost"));
      return;
    }
    if (isTooLong) {
      setError(t("tooLong", { max: commentBodyMax }));
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await onSubmit(body);
      setBody("");
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t("saveFailed"));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2" noValidate>
      <label htmlFor={id} className="text-xs font-medium text-stone-600">
        {t(labelKey[kind])}
      </label>
      <textarea
        id={id}
        value={body}
        autoFocus={autoFocus}
        rows={kind === "comment" ? 3 : 2}
        placeholder={kind === "reply" ? t("replyPlaceholder") : t("commentPlaceholder")}
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
          {body.length > commentBodyMax * 0.8 ? t("length", { length: body.length, max: commentBodyMax }) : ""}
        </span>
        <div className="flex gap-2">
          {onCancel ? (
            <Button variant="ghost" size="sm" onClick={onCancel}>
              {t("cancel")}
            </Button>
          ) : null}
          <Button type="submit" size="sm" disabled={isSaving}>
            {isSaving ? t("saving") : isEdit ? t("save") : t("post")}
          </Button>
        </div>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </form>
  );
}

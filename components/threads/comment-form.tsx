"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";

import { MentionPicker, mentionOptionId } from "@/components/threads/mention-picker";
import { useMentionPicker, type MentionSource } from "@/components/threads/use-mention-picker";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { findMentionedUserIds, mentionsMax } from "@/lib/threads/mentions";
import { commentBodyMax } from "@/lib/threads/schema";

/** The box's purpose, which names it: a new comment or reply is posted, an edit is saved. */
type CommentFormKind = "comment" | "reply" | "edit";

const labelKey = { comment: "commentLabel", reply: "replyLabel", edit: "editLabel" } as const;

type CommentFormProps = {
  kind: CommentFormKind;
  initialBody?: string;
  autoFocus?: boolean;
  /** Who can be `@mentioned` here (the team's members but the writer); none: no picker. */
  mentions?: MentionSource;
  /** A note under the box (e.g. that posting reopens a resolved discussion). */
  note?: string;
  /**
   * Resolves when saved; rejects with a message to show. The text is kept on failure. `mentions`: the ids of the
   * members whose `@Name` is in the body (the server checks them again).
   */
  onSubmit: (body: string, mentions: string[]) => Promise<unknown>;
  onCancel?: () => void;
};

/**
 * A labelled comment box with length feedback; Ctrl/⌘+Enter posts, Escape cancels. With `mentions`, typing `@`
 * opens a picker of members (components/threads/use-mention-picker.ts).
 */
export function CommentForm({ kind, initialBody = "", autoFocus, mentions, note, onSubmit, onCancel }: CommentFormProps) {
  const t = useTranslations("threads");
  const id = useId();
  const isEdit = kind === "edit";
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const [body, setBody] = useState(initialBody);
  const picker = useMentionPicker({ source: mentions, textareaRef, body, setBody });
  const listboxId = `${id}-mentions`;
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
      await onSubmit(body, mentions ? findMentionedUserIds(body, mentions.candidates).slice(0, mentionsMax) : []);
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
      {/* A text box with a list of suggestions (aria-autocomplete), not a combobox: a multi-line comment box
          keeps its textbox role, and the list is announced through aria-activedescendant and a status. */}
      <div className="relative">
        <textarea
          ref={textareaRef}
          id={id}
          value={body}
          autoFocus={autoFocus}
          rows={kind === "comment" ? 3 : 2}
          placeholder={kind === "reply" ? t("replyPlaceholder") : t("commentPlaceholder")}
          aria-invalid={error ? true : undefined}
          aria-describedby={mentions ? `${id}-count ${id}-mention-hint` : `${id}-count`}
          aria-autocomplete={mentions ? "list" : undefined}
          aria-controls={picker.isOpen ? listboxId : undefined}
          aria-activedescendant={picker.isOpen ? mentionOptionId(listboxId, picker.activeIndex) : undefined}
          onChange={(event) => {
            setBody(event.target.value);
            picker.trackCaret(event.target);
          }}
          onSelect={(event) => picker.trackCaret(event.currentTarget)}
          onKeyDown={(event) => {
            if (picker.onKeyDown(event)) return;
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) void submit();
            if (event.key === "Escape" && onCancel) onCancel();
          }}
          className={cn(
            "w-full resize-y rounded-md border bg-white px-3 py-2 text-sm text-stone-900 outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
            error || isTooLong ? "border-red-600" : "border-stone-300",
          )}
        />
        {mentions ? (
          <MentionPicker
            id={listboxId}
            options={picker.options}
            activeIndex={picker.activeIndex}
            isOpen={picker.isOpen}
            isLoading={picker.isLoading}
            onPick={picker.pick}
          />
        ) : null}
      </div>
      {mentions ? (
        <span id={`${id}-mention-hint`} className="sr-only">
          {t("mentionHint")}
        </span>
      ) : null}
      {note ? <p className="text-xs text-stone-500">{note}</p> : null}
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

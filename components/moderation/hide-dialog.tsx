"use client";

import { useLocale, useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { useId, useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { hideInputSchema, hideReasonMax } from "@/lib/moderation/schema";
import { localizeIssue } from "@/lib/validation/messages";

type HideDialogProps = {
  /** What is hidden, for the dialog's wording. */
  what: "claim" | "comment";
  /** Resolves when hidden; rejects with a message to show (the dialog stays open, the reason kept). */
  onHide: (reason: string) => Promise<unknown>;
};

/**
 * "Hide claim" / "Hide" and its dialog (Radix: focus trapped, Escape cancels, focus returns): a labelled reason, checked with
 * the server's own schema before sending. The reason is shown to the author and to moderators.
 */
export function HideDialog({ what, onHide }: HideDialogProps) {
  const t = useTranslations("moderation");
  const ui = useTranslations("ui");
  const locale = useLocale();
  const messages = useTranslations();
  const id = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSaving) return;
    const parsed = hideInputSchema.safeParse({ reason });
    if (!parsed.success) {
      // Said in the interface language here; other problems (control characters) keep the schema's message.
      const issue = parsed.error.issues[0];
      if (!issue || issue.code === "too_small") setError(t("reasonRequired"));
      else if (issue.code === "too_big") setError(t("reasonTooLong", { max: hideReasonMax }));
      else setError(localizeIssue(issue, locale, messages));
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await onHide(parsed.data.reason);
      setIsOpen(false);
      setReason("");
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : t("hideFailed", { what }));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Dialog.Root
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (!open) setError(null);
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant={what === "claim" ? "secondary" : "ghost"} size="sm">
          {what === "claim" ? t("hideClaim") : t("hide")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{t("dialogTitle", { what })}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-stone-600">{t("dialogDescription", { what })}</Dialog.Description>
          <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-2">
            <label htmlFor={id} className="text-sm font-medium text-stone-800">
              {t("reasonLabel")}
            </label>
            <textarea
              id={id}
              value={reason}
              rows={3}
              autoFocus
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint`}
              onChange={(event) => setReason(event.target.value)}
              className={cn(
                "w-full resize-y rounded-md border bg-white px-3 py-2 text-sm text-stone-900 outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
                error ? "border-red-600" : "border-stone-300",
              )}
            />
            <p id={`${id}-hint`} className="text-xs text-stone-500">
              {t("reasonHint", { max: hideReasonMax })}
            </p>
            {error ? <Alert>{error}</Alert> : null}
            <div className="mt-2 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">{ui("cancel")}</Button>
              </Dialog.Close>
              <Button type="submit" variant="danger" disabled={isSaving}>
                {isSaving ? t("hiding") : t("hide")}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Dialog } from "radix-ui";
import { useState, type FormEvent } from "react";

import { DocumentDetailsFields, documentDetailsFieldNames, readDocumentDetails, type DocumentDetailsValues } from "@/components/documents/document-details-fields";
import { toFormFailure, type FormFailure } from "@/components/documents/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { apiClient } from "@/lib/api/client";

/** A document's details as the page has them (`publishedOn` is the API's `publishedAt`: "2020-10" or "2020-10-14"). */
export type DocumentDetailsView = { title: string; byline: string | null; sourceUrl: string | null; publishedOn: string | null };

type DocumentDetailsDialogProps = {
  documentId: string;
  details: DocumentDetailsView;
  /** Says a sentence in the page's polite live region. */
  announce: (message: string) => void;
};

const noFailure: FormFailure<keyof DocumentDetailsValues> = { message: null, fields: {} };

/**
 * "Edit details" and its dialog (Radix: focus trapped, Escape cancels, focus returns to the button): the title,
 * byline, source URL and publication date, saved with `PATCH /api/documents/{id}` (an empty field clears it). The
 * server's message for a field appears beside it; on success the page's data is refreshed in place.
 */
export function DocumentDetailsDialog({ documentId, details, announce }: DocumentDetailsDialogProps) {
  const t = useTranslations("documentDetails");
  const ui = useTranslations("ui");
  const translate = useTranslations();
  const router = useRouter();
  const [isOpen, setIsOpen] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [failure, setFailure] = useState(noFailure);

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isSaving) return;
    const form = event.currentTarget;
    const values = readDocumentDetails(new FormData(form));
    if (values.title === "") {
      setFailure({ message: null, fields: { title: t("titleRequired") } });
      form.querySelector<HTMLInputElement>('[name="title"]')?.focus();
      return;
    }
    setIsSaving(true);
    setFailure(noFailure);
    try {
      await apiClient.updateDocument(documentId, {
        title: values.title,
        byline: values.byline || null,
        sourceUrl: values.sourceUrl || null,
        publishedAt: values.publishedAt || null,
      });
      setIsOpen(false);
      announce(t("saved"));
      router.refresh();
    } catch (error) {
      const next = toFormFailure(error, translate, documentDetailsFieldNames);
      setFailure(next);
      const first = documentDetailsFieldNames.find((name) => next.fields[name]);
      if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <Dialog.Root
      open={isOpen}
      onOpenChange={(open) => {
        setIsOpen(open);
        if (!open) setFailure(noFailure);
      }}
    >
      <Dialog.Trigger asChild>
        <Button variant="secondary" size="sm" data-testid="edit-document-details">
          {t("edit")}
        </Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-stone-900/40" />
        <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(92vw,32rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold">{t("dialogTitle")}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-stone-600">{t("dialogDescription")}</Dialog.Description>
          <form onSubmit={save} noValidate className="mt-4 flex flex-col gap-4" aria-busy={isSaving || undefined}>
            {failure.message ? <Alert>{failure.message}</Alert> : null}
            <DocumentDetailsFields
              defaults={{ title: details.title, byline: details.byline ?? "", sourceUrl: details.sourceUrl ?? "", publishedAt: details.publishedOn ?? "" }}
              errors={failure.fields}
              isTitleRequired
            />
            <div className="mt-2 flex justify-end gap-2">
              <Dialog.Close asChild>
                <Button variant="secondary">{ui("cancel")}</Button>
              </Dialog.Close>
              <Button type="submit" disabled={isSaving}>
                {isSaving ? t("saving") : t("save")}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { EvidenceForm, type EvidenceFormValues } from "@/components/evidence/evidence-form";
import { StanceLabel } from "@/components/evidence/stance-label";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import type { EvidenceView } from "@/lib/evidence/schema";
import { getEvidenceLinkHost } from "@/lib/evidence/url";

type EvidenceItemProps = {
  evidence: EvidenceView;
  /** Resolves when saved; rejects with the server's error for the form to show. */
  onEdit: (values: EvidenceFormValues) => Promise<unknown>;
  onDelete: () => void;
};

/**
 * One piece of evidence: its stance (icon and word), its title, linked when it has a link, with the link's host
 * beside it; the quote from the source; the note; who added it and when. All of it plain text: never HTML.
 * The link opens in a new tab without giving that page a handle on this one (`noopener`), without telling it where
 * the reader came from (`noreferrer`), and without lending it this site's standing with search engines (`nofollow`).
 */
export function EvidenceItem({ evidence, onEdit, onDelete }: EvidenceItemProps) {
  const t = useTranslations("evidence");
  const titleId = useId();
  const [isEditing, setIsEditing] = useState(false);
  // The server only stores http(s) links; checking again here keeps anything else from ever becoming an href.
  const host = evidence.url ? getEvidenceLinkHost(evidence.url) : null;
  const isEdited = evidence.updatedAt !== evidence.createdAt;

  if (isEditing) {
    return (
      <li data-evidence-id={evidence.id}>
        <EvidenceForm
          mode="edit"
          initial={evidence}
          onCancel={() => setIsEditing(false)}
          onSubmit={async (values) => {
            await onEdit(values);
            setIsEditing(false);
          }}
        />
      </li>
    );
  }

  return (
    <li data-evidence-id={evidence.id} aria-labelledby={titleId} className="flex flex-col gap-1.5">
      <div>
        <StanceLabel stance={evidence.stance} />
      </div>
      <p id={titleId} className="text-sm font-medium break-words text-stone-900">
        {evidence.url && host ? (
          <>
            <a href={evidence.url} target="_blank" rel="noopener noreferrer nofollow" className="text-sky-800 underline underline-offset-2 hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
              {evidence.title}
              <span className="sr-only"> {t("opensInNewTab")}</span>
            </a>{" "}
            <span className="text-xs font-normal text-stone-500" data-evidence-host>
              ({host})
            </span>
          </>
        ) : (
          evidence.title
        )}
      </p>
      {evidence.quote ? (
        <blockquote className="border-l-2 border-stone-300 pl-2 text-sm whitespace-pre-wrap break-words text-stone-700 italic">{evidence.quote}</blockquote>
      ) : null}
      {evidence.note ? <p className="text-sm whitespace-pre-wrap break-words text-stone-800">{evidence.note}</p> : null}
      <p className="text-xs text-stone-500">
        {evidence.author ? t("addedBy", { name: evidence.author.name }) : t("addedByFormerMember")} · <RelativeTime iso={evidence.createdAt} />
        {isEdited ? t("edited") : null}
      </p>
      {evidence.abilities.canEdit || evidence.abilities.canDelete ? (
        <div className="flex gap-1">
          {evidence.abilities.canEdit ? (
            <Button variant="ghost" size="sm" onClick={() => setIsEditing(true)}>
              {t("edit")}
            </Button>
          ) : null}
          {evidence.abilities.canDelete ? (
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="sm">
                  {t("delete")}
                </Button>
              }
              title={t("deleteTitle")}
              description={t("deleteDescription", { title: evidence.title })}
              confirmLabel={t("deleteConfirm")}
              onConfirm={onDelete}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

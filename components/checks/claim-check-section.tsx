"use client";

import { useFormatter, useTranslations } from "next-intl";

import { CheckFields } from "@/components/checks/check-fields";
import { dueDateFormat } from "@/components/checks/check-values";
import { ClaimHistory } from "@/components/checks/claim-history";
import type { ClaimView } from "@/lib/claims/schema";

/**
 * The claim panel's fact-check (issue 14 §1): its status, who checks it and by when, editable by whoever may
 * check it (`canCheck`) and shown read-only to everyone else, and its history under a disclosure.
 */
export function ClaimCheckSection({ claim, teamId, documentId }: { claim: ClaimView; teamId: string; documentId: string }) {
  const t = useTranslations("checks");
  return (
    <section aria-labelledby={`check-heading-${claim.id}`} className="flex flex-col gap-2">
      <h3 id={`check-heading-${claim.id}`} className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
        {t("heading")}
      </h3>
      {claim.abilities.canCheck ? <CheckFields claim={claim} teamId={teamId} documentId={documentId} /> : <ReadOnlyCheck claim={claim} />}
      <ClaimHistory claimId={claim.id} />
    </section>
  );
}

/** The check as text, for those who may not change it. */
function ReadOnlyCheck({ claim }: { claim: ClaimView }) {
  const t = useTranslations("checks");
  const format = useFormatter();
  const rows = [
    { term: t("statusLabel"), value: t(`status.${claim.status}`) },
    { term: t("assigneeLabel"), value: claim.assignee?.name ?? t("unassigned") },
    { term: t("dueLabel"), value: claim.dueAt ? format.dateTime(new Date(claim.dueAt), dueDateFormat(claim.dueAt)) : t("noDueDate") },
  ];
  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="check-read-only">
        {rows.map((row) => (
          <div key={row.term} className="contents">
            <dt className="text-stone-500">{row.term}</dt>
            <dd className="text-stone-900">{row.value}</dd>
          </div>
        ))}
      </dl>
      {claim.hidden ? null : <p className="text-xs text-stone-500">{t("readOnly")}</p>}
    </>
  );
}

"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { dueDateFormat } from "@/components/checks/check-values";
import { describeHistoryLine, type HistoryWording } from "@/components/checks/history-lines";
import { useClaimHistory } from "@/components/checks/use-claim-check";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ApiError, describeApiError } from "@/lib/api/client";
import type { ClaimHistoryView } from "@/lib/checks/schema";
import { checkStatuses, type CheckStatusName } from "@/lib/claims/schema";
import { isDefaultRatingKey } from "@/lib/verdicts/scale";

/** "History": what happened to the claim, oldest first, read when opened and kept current while open. */
export function ClaimHistory({ claimId }: { claimId: string }) {
  const t = useTranslations("checks");
  const translate = useTranslations();
  const [isOpen, setIsOpen] = useState(false);
  const history = useClaimHistory(claimId, isOpen);
  return (
    <details className="text-sm" onToggle={(event) => setIsOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer rounded-sm font-medium text-stone-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
        {t("history")}
      </summary>
      <div className="mt-2">
        {!isOpen ? null : history.isPending ? (
          <Spinner label={t("historyLoading")} />
        ) : history.isError ? (
          <Alert>
            <p>{t("historyFailed", { message: history.error instanceof ApiError ? describeApiError(history.error, translate) : history.error.message })}</p>
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => void history.refetch()}>
              {t("retry")}
            </Button>
          </Alert>
        ) : history.data.length === 0 ? (
          <p className="text-stone-500">{t("historyEmpty")}</p>
        ) : (
          <ol className="flex flex-col gap-1.5" aria-label={t("history")}>
            {history.data.map((line) => (
              <HistoryLine key={line.id} line={line} />
            ))}
          </ol>
        )}
      </div>
    </details>
  );
}

function HistoryLine({ line }: { line: ClaimHistoryView }) {
  const t = useTranslations("checks");
  const translateRating = useTranslations("verdicts");
  const format = useFormatter();
  const wording: HistoryWording = {
    statusName: (status) => (checkStatuses.includes(status as CheckStatusName) ? t(`status.${status as CheckStatusName}`) : status),
    // A rating of the team's own that the line did not label: its key is what there is to show.
    ratingName: (rating) => (isDefaultRatingKey(rating) ? translateRating(`ratings.${rating}`) : rating),
    dueDate: (iso) => format.dateTime(new Date(iso), dueDateFormat(iso)),
  };
  const { key, values } = describeHistoryLine(line, line.actor?.name ?? t("formerMember"), wording);
  const when = format.dateTime(new Date(line.createdAt), { dateStyle: "medium", timeStyle: "short" });
  return (
    <li className="text-stone-700" data-history-field={line.field}>
      {t.rich("historyLine", {
        sentence: t(`lines.${key}`, values),
        when,
        time: (chunks) => (
          <time dateTime={line.createdAt} className="text-stone-500">
            {chunks}
          </time>
        ),
      })}
    </li>
  );
}

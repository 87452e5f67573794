"use client";

import { useFormatter, useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { usePersonName } from "@/components/verdicts/published-verdict";
import { VerdictChip } from "@/components/verdicts/verdict-chip";
import type { RatingDisplay } from "@/lib/verdicts/rating-display";
import type { VerdictProposalView } from "@/lib/verdicts/schema";

type VerdictProposalProps = {
  proposal: VerdictProposalView;
  describe: (key: string) => RatingDisplay;
  canPublish: boolean;
  /** A verdict is published already: publishing this one is a correction, confirmed first. */
  isCorrection: boolean;
  isPublishing: boolean;
  onPublish: () => void;
};

/** The verdict waiting for an editor: who proposed what, and, for moderators and owners, "Publish verdict". */
export function VerdictProposal({ proposal, describe, canPublish, isCorrection, isPublishing, onPublish }: VerdictProposalProps) {
  const t = useTranslations("verdicts");
  const format = useFormatter();
  const name = usePersonName();
  const publishButton = (
    <Button size="sm" disabled={isPublishing} onClick={isCorrection ? undefined : onPublish}>
      {isPublishing ? t("publishing") : t("publish")}
    </Button>
  );
  return (
    <div className="flex flex-col gap-2 rounded-md border border-dashed border-stone-300 p-3" data-testid="verdict-proposal">
      <h4 className="text-sm font-semibold text-stone-800">{t("proposalHeading")}</h4>
      <p className="text-xs text-stone-500">
        {t("proposedBy", { name: name(proposal.proposedBy), date: format.dateTime(new Date(proposal.proposedAt), { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      <VerdictChip rating={describe(proposal.rating)} size="xs" className="self-start" />
      <p className="text-sm whitespace-pre-wrap text-stone-800">{proposal.summary}</p>
      {canPublish ? (
        <div>
          {isCorrection ? (
            <ConfirmDialog
              trigger={publishButton}
              title={t("correctionTitle")}
              description={t("correctionBody")}
              confirmLabel={t("publishCorrection")}
              onConfirm={onPublish}
            />
          ) : (
            publishButton
          )}
        </div>
      ) : null}
    </div>
  );
}

"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ProposeVerdictForm } from "@/components/verdicts/propose-verdict-form";
import { PublishedVerdict } from "@/components/verdicts/published-verdict";
import { useClaimVerdict } from "@/components/verdicts/use-claim-verdict";
import { useDescribeRating, useRatingScale } from "@/components/verdicts/use-rating-scale";
import { VerdictProposal } from "@/components/verdicts/verdict-proposal";
import { ApiError, describeApiError } from "@/lib/api/client";
import type { ClaimView } from "@/lib/claims/schema";

/**
 * The claim panel's verdict: the published one (with "Updated on …" after a correction and the earlier
 * publications), the proposal waiting for an editor, a form to propose one (members and up) and "Publish
 * verdict" (moderators and owners). Nothing while the claim's content is withheld from the reader.
 */
export function ClaimVerdictSection(props: ClaimVerdictProps) {
  if (props.claim.target === null) return null;
  // One state per claim: a form half filled in for one claim does not follow the reader to the next.
  return <ClaimVerdict key={props.claim.id} {...props} />;
}

type ClaimVerdictProps = { claim: ClaimView; teamId: string; documentId: string };

function ClaimVerdict({ claim, teamId, documentId }: ClaimVerdictProps) {
  const t = useTranslations("verdicts");
  const messages = useTranslations();
  const headingId = useId();
  const { verdict, propose, publish } = useClaimVerdict(claim.id, documentId);
  const scale = useRatingScale(teamId).data;
  const describe = useDescribeRating(scale);
  const [isProposing, setIsProposing] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  const { canProposeVerdict, canPublishVerdict } = claim.abilities;
  const describeError = (error: Error) => (error instanceof ApiError ? describeApiError(error, messages) : error.message);
  let body;
  if (verdict.isPending) {
    body = <p className="text-sm text-stone-500">{t("loading")}</p>;
  } else if (verdict.isError) {
    body = (
      <Alert>
        {t("loadFailed", { message: describeError(verdict.error) })}{" "}
        <Button variant="ghost" size="sm" onClick={() => void verdict.refetch()}>
          {t("retry")}
        </Button>
      </Alert>
    );
  } else {
    const data = verdict.data;
    body = (
      <>
        {data.published ? (
          <PublishedVerdict published={data.published} revisions={data.revisions} describe={describe} />
        ) : (
          <p className="text-sm text-stone-500">{data.proposal ? t("notPublishedYet") : t("none")}</p>
        )}
        {data.proposal ? (
          <VerdictProposal
            proposal={data.proposal}
            describe={describe}
            canPublish={canPublishVerdict}
            isCorrection={data.published !== null}
            isPublishing={publish.isPending}
            onPublish={() =>
              publish.mutate(undefined, {
                onSuccess: () => setAnnouncement(data.published ? t("correctedAnnouncement") : t("publishedAnnouncement")),
              })
            }
          />
        ) : null}
        {publish.error ? <Alert>{t("publishFailed", { message: describeError(publish.error) })}</Alert> : null}
        {canProposeVerdict && scale ? (
          isProposing ? (
            <ProposeVerdictForm
              scale={scale}
              describe={describe}
              initial={data.proposal ?? undefined}
              onCancel={() => setIsProposing(false)}
              onSubmit={async (input) => {
                await propose.mutateAsync(input);
                setIsProposing(false);
                setAnnouncement(t("proposedAnnouncement"));
              }}
            />
          ) : (
            <div>
              <Button variant="secondary" size="sm" onClick={() => setIsProposing(true)}>
                {data.proposal ? t("changeProposal") : t("propose")}
              </Button>
            </div>
          )
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3" data-testid="claim-verdict">
      <h3 id={headingId} className="text-xs font-semibold tracking-wide text-stone-500 uppercase">
        {t("heading")}
      </h3>
      {body}
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

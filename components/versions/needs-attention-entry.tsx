"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TagChip } from "@/components/ui/tag-chip";
import { describeAttentionTexts, type AttentionClaim, type ReattachSelection } from "@/components/versions/needs-attention-list";
import { AnchorStateBadge, quoteOf } from "@/components/versions/needs-attention-state";

type NeedsAttentionEntryProps = {
  claim: AttentionClaim;
  /** This claim is the one being re-attached: the panel shows the selection and "Re-attach here". */
  isReattaching: boolean;
  selection: ReattachSelection | null;
  isBusy: boolean;
  error: string | null;
  contentLang?: string;
  onStartReattach: () => void;
  onCancelReattach: () => void;
  onReattach: () => void;
  onDismiss: () => void;
  onOpen: () => void;
};

/**
 * One claim in "Needs attention": what happened to its text (both texts for a changed claim, the lost one for an
 * orphan), who made it, its tags and comments, and, for whoever may (`abilities.canReattach`), re-attaching it
 * to newly selected text or dismissing it ("Keep the new text" for a changed claim).
 */
export function NeedsAttentionEntry(props: NeedsAttentionEntryProps) {
  const { claim, isReattaching, selection, isBusy, error, contentLang } = props;
  const t = useTranslations("needsAttention");
  const tClaims = useTranslations("claims");
  const { now, was } = describeAttentionTexts(claim);
  const quote = quoteOf(contentLang);
  const instructionsId = useId();
  const summaryId = useId();
  const instructions = useRef<HTMLParagraphElement>(null);
  // Entering re-attach mode says what to do next (focus on the instructions, which a screen reader reads).
  useEffect(() => {
    if (isReattaching) instructions.current?.focus();
  }, [isReattaching]);

  return (
    <li className="flex flex-col gap-2 border-t border-amber-200 py-3 first:border-t-0 first:pt-0" data-attention-claim-id={claim.id}>
      <p id={summaryId} className="text-sm text-stone-800">
        <AnchorStateBadge state={claim.state} />
        <span className="sr-only">:</span>{" "}
        {now === null ? t.rich("orphanedSummary", { was, wasQuote: quote }) : t.rich("changedSummary", { now, was, nowQuote: quote, wasQuote: quote })}
      </p>
      <p className="flex flex-wrap items-center gap-1.5 text-xs text-stone-600">
        <span>{t("by", { name: claim.author.name })}</span>
        {claim.tags.map((tag) => (
          <TagChip key={tag.id} tag={tag} />
        ))}
        <span aria-hidden>·</span>
        <span>{tClaims("commentCount", { count: claim.commentCount })}</span>
      </p>
      {isReattaching ? (
        <div className="flex flex-col gap-2 rounded-md border border-sky-300 bg-white p-2">
          <p id={instructionsId} ref={instructions} tabIndex={-1} className="text-sm text-stone-800 focus-visible:outline-2 focus-visible:outline-sky-600">
            {t("reattachInstructions")}
          </p>
          <p className="text-sm text-stone-600" aria-live="polite">
            {selection ? t.rich("selected", { text: selection.text, selectedQuote: quote }) : t("nothingSelected")}
          </p>
          {error ? <Alert>{error}</Alert> : null}
          <div className="flex flex-wrap gap-2">
            <Button size="sm" onClick={props.onReattach} disabled={isBusy} aria-describedby={instructionsId}>
              {t("reattachHere")}
            </Button>
            <Button variant="secondary" size="sm" onClick={props.onCancelReattach}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <>
          {error ? <Alert>{error}</Alert> : null}
          <div className="flex flex-wrap gap-2">
            <Button variant="ghost" size="sm" onClick={props.onOpen} aria-describedby={summaryId}>
              {t("openClaim")}
            </Button>
            {claim.abilities.canReattach ? (
              <>
                <Button variant="secondary" size="sm" onClick={props.onStartReattach} disabled={isBusy} aria-describedby={summaryId} data-action="reattach">
                  {t("reattach")}
                </Button>
                <Button variant="secondary" size="sm" onClick={props.onDismiss} disabled={isBusy} aria-describedby={summaryId}>
                  {claim.state === "changed" ? t("keepNewText") : t("dismiss")}
                </Button>
              </>
            ) : null}
          </div>
        </>
      )}
    </li>
  );
}

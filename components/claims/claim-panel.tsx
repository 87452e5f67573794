"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { ClaimCheckSection } from "@/components/checks/claim-check-section";
import { ClaimEvidenceSection } from "@/components/evidence/claim-evidence-section";
import { HiddenBanner, HiddenPlaceholder } from "@/components/moderation/hidden-notice";
import { HideDialog } from "@/components/moderation/hide-dialog";
import { TagToggles } from "@/components/tags/tag-toggles";
import { ClaimThread } from "@/components/threads/claim-thread";
import { ClaimVerdictSection } from "@/components/verdicts/claim-verdict-section";
import { ClaimAnchorNote } from "@/components/versions/needs-attention-state";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TagChip } from "@/components/ui/tag-chip";
import type { ClaimView } from "@/lib/claims/schema";
import type { TagView } from "@/lib/tags/schema";

type ClaimPanelProps = {
  documentId: string;
  teamId: string;
  claim: ClaimView;
  isOrphaned: boolean;
  tags: TagView[];
  onClose: () => void;
  onToggleTag: (tagName: string, isOn: boolean) => void;
  onDelete: () => void;
  /** Resolve when done; reject with a message to show. */
  onHide: (reason: string) => Promise<unknown>;
  onUnhide: () => Promise<unknown>;
  onShowInText: () => void;
  error: string | null;
  /** The `lang` of the document's text, for the quote (none when undetermined). */
  contentLang?: string;
};

/**
 * An open claim: its quote, how it sits on the article now (changed, or its text gone), tags (toggles for its
 * author), and its discussion. A hidden claim is a placeholder
 * for members (the server sent neither its quote, nor its tags, nor its thread) and, for moderators, its greyed
 * content under a "Hidden" banner with the reason and "Unhide".
 */
export function ClaimPanel(props: ClaimPanelProps) {
  const { documentId, teamId, claim, isOrphaned, tags, onClose, onToggleTag, onDelete, onHide, onUnhide, onShowInText, error, contentLang } = props;
  const t = useTranslations("claims");
  const author = (chunks: ReactNode) => <span className="font-medium text-stone-700">{chunks}</span>;
  const quote = claim.target?.selector[0];
  const claimTagNames = new Set(claim.tags.map((tag) => tag.name));
  const topBar = (
    <div className="flex items-center justify-between">
      <Button variant="ghost" size="sm" onClick={onClose} aria-label={t("backToAll")}>
        {t("allClaims")}
      </Button>
      {quote && !isOrphaned ? (
        <Button variant="ghost" size="sm" onClick={onShowInText}>
          {t("showInText")}
        </Button>
      ) : null}
    </div>
  );
  const heading = (
    <h2 id="claim-heading" className="sr-only">
      {t("claimBy", { name: claim.author.name })}
    </h2>
  );

  if (!quote) {
    return (
      <section aria-labelledby="claim-heading" className="flex flex-col gap-4" data-open-claim-id={claim.id}>
        {topBar}
        {heading}
        {claim.hidden ? <HiddenPlaceholder hidden={claim.hidden} what="claim" /> : null}
        <p className="text-xs text-stone-500">{t.rich("withheldNote", { name: claim.author.name, b: author })}</p>
        {error ? <Alert>{error}</Alert> : null}
        {claim.abilities.canDelete ? (
          <div>
            <DeleteClaimButton onDelete={onDelete} />
          </div>
        ) : null}
      </section>
    );
  }

  return (
    <section aria-labelledby="claim-heading" className="flex flex-col gap-4" data-open-claim-id={claim.id}>
      {topBar}
      {heading}
      {claim.hidden ? <HiddenBanner hidden={claim.hidden} canUnhide={claim.abilities.canUnhide} onUnhide={onUnhide} /> : null}
      <blockquote className={`border-l-4 border-stone-300 pl-3 font-serif ${claim.hidden ? "text-stone-500" : "text-stone-900"}`}>
        “<span lang={contentLang}>{quote.exact}</span>”
      </blockquote>
      <p className="text-xs text-stone-500">
        {t.rich("highlightedBy", { name: claim.author.name, b: author })}
        {claim.visibility === "private" ? t("onlyVisibleToYou") : ""}
        {/* An orphan the server found says so in its own note below; this is for text the page could not place. */}
        {isOrphaned && claim.state !== "orphaned" ? t("noLongerInText") : ""}
      </p>
      <ClaimAnchorNote claim={claim} contentLang={contentLang} />
      <div>
        <h3 className="mb-1.5 text-xs font-semibold tracking-wide text-stone-500 uppercase">{t("tags")}</h3>
        {claim.abilities.canEdit ? (
          <TagToggles label={t("claimTags")} tags={tags} selected={claimTagNames} onToggle={onToggleTag} />
        ) : claim.tags.length > 0 ? (
          <div className="flex flex-wrap gap-1.5">
            {claim.tags.map((tag) => (
              <TagChip key={tag.id} tag={tag} />
            ))}
          </div>
        ) : (
          <p className="text-sm text-stone-500">{t("noTags")}</p>
        )}
      </div>
      <ClaimCheckSection claim={claim} teamId={teamId} documentId={documentId} />
      <ClaimVerdictSection claim={claim} teamId={teamId} documentId={documentId} />
      {error ? <Alert>{error}</Alert> : null}
      {claim.abilities.canDelete || claim.abilities.canHide ? (
        <div className="flex flex-wrap gap-2">
          {claim.abilities.canDelete ? <DeleteClaimButton onDelete={onDelete} /> : null}
          {claim.abilities.canHide ? <HideDialog what="claim" onHide={onHide} /> : null}
        </div>
      ) : null}
      <hr className="border-stone-200" />
      <ClaimEvidenceSection claim={claim} teamId={teamId} documentId={documentId} />
      <ClaimThread documentId={documentId} teamId={teamId} claimId={claim.id} canComment={claim.abilities.canComment} />
    </section>
  );
}

function DeleteClaimButton({ onDelete }: { onDelete: () => void }) {
  const t = useTranslations("claims");
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm">
          {t("delete")}
        </Button>
      }
      title={t("deleteTitle")}
      description={t("deleteDescription")}
      confirmLabel={t("delete")}
      onConfirm={onDelete}
    />
  );
}

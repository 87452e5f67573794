"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import type { AnchoredClaimView } from "@/components/claims/anchored-claims";
import { TagChip } from "@/components/ui/tag-chip";
import { AnchorStateBadge } from "@/components/versions/needs-attention-state";
import { ClaimVerdictBadge } from "@/components/verdicts/claim-verdict-badge";
import type { CheckStatusName, ClaimView } from "@/lib/claims/schema";
import type { TagView } from "@/lib/tags/schema";

type ClaimListProps = {
  anchored: AnchoredClaimView[];
  orphaned: ClaimView[];
  /** Hidden claims whose content the server withheld: listed as placeholders. */
  withheld: ClaimView[];
  tags: TagView[];
  tagFilter: string | null;
  onTagFilterChange: (tag: string | null) => void;
  /** Whether claims with a resolved discussion are listed (marked "Resolved"); `?resolved=hide` turns it off. */
  showResolved: boolean;
  onShowResolvedChange: (show: boolean) => void;
  onOpenClaim: (claimId: string) => void;
  totalCount: number;
  /** Per claim, comments by others the reader has not opened its thread to see (components/live). */
  newCommentCounts?: Readonly<Record<string, number>>;
  /** The `lang` of the document's text, for the quotes (none when undetermined). */
  contentLang?: string;
};

type ClaimEntryProps = { claim: ClaimView; onOpen: () => void; isOrphaned?: boolean; newCommentCount?: number; contentLang?: string };

const checkStatusStyles: Record<CheckStatusName, string> = {
  open: "border-stone-300 bg-white text-stone-700",
  checking: "border-amber-300 bg-amber-50 text-amber-900",
  checked: "border-emerald-300 bg-emerald-50 text-emerald-900",
  not_checkable: "border-stone-400 bg-stone-100 text-stone-800",
};

/** Where the claim's check stands, in words (never colour alone), and whether its discussion is resolved. */
function CheckBadges({ claim }: { claim: ClaimView }) {
  const t = useTranslations("claims");
  const tChecks = useTranslations("checks");
  return (
    <>
      <span className={`rounded border px-1 font-medium ${checkStatusStyles[claim.status]}`} data-testid="check-status">
        <span className="sr-only">{t("checkStatus")} </span>
        {tChecks(`status.${claim.status}`)}
      </span>
      {claim.threadResolvedAt ? (
        <span className="rounded bg-emerald-700 px-1 font-semibold text-white" data-testid="thread-resolved-badge">
          {t("resolvedBadge")}
        </span>
      ) : null}
    </>
  );
}

function ClaimEntry({ claim, onOpen, isOrphaned = false, newCommentCount = 0, contentLang }: ClaimEntryProps) {
  const t = useTranslations("claims");
  const quote = claim.target?.selector[0].exact;
  return (
    <li>
      <button
        type="button"
        onClick={onOpen}
        data-claim-id={claim.id}
        className="flex w-full flex-col gap-1.5 rounded-md px-3 py-2.5 text-left hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        {quote === undefined ? (
          <span className="text-sm text-stone-500 italic">{t("hiddenByModerator")}</span>
        ) : (
          <span className={claim.hidden ? "line-clamp-3 font-serif text-sm text-stone-500" : "line-clamp-3 font-serif text-sm text-stone-800"}>
            “<span lang={contentLang}>{quote}</span>”
          </span>
        )}
        <span className="flex flex-wrap items-center gap-1.5 text-xs text-stone-500">
          {claim.hidden && quote !== undefined ? (
            <span className="rounded bg-stone-700 px-1 font-semibold tracking-wide text-white uppercase">{t("hiddenBadge")}</span>
          ) : null}
          {/* Orphans are listed apart, under their own heading; a changed claim is marked where it is listed. */}
          {claim.state === "changed" ? <AnchorStateBadge state="changed" /> : null}
          <CheckBadges claim={claim} />
          <ClaimVerdictBadge verdict={claim.verdict} />
          {claim.tags.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
          <span>{claim.author.name}</span>
          <span aria-hidden>·</span>
          <span>{t("commentCount", { count: claim.commentCount })}</span>
          {newCommentCount > 0 ? (
            <span className="rounded-full bg-sky-700 px-1.5 font-semibold text-white" data-testid="new-comments">
              {t.rich("newComments", { count: newCommentCount, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
            </span>
          ) : null}
          {claim.visibility === "private" ? <span className="rounded bg-stone-200 px-1 text-stone-700">{t("private")}</span> : null}
          {isOrphaned ? <span className="sr-only">{t("notInText")}</span> : null}
        </span>
      </button>
    </li>
  );
}

/**
 * "Show resolved": the URL holds the choice, but Next applies a URL change in a transition, after the click; the
 * box shows the click at once and follows the URL whenever it changes.
 */
function ShowResolvedToggle({ showResolved, onChange }: { showResolved: boolean; onChange: (show: boolean) => void }) {
  const t = useTranslations("claims");
  const [isChecked, setIsChecked] = useState(showResolved);
  const [urlValue, setUrlValue] = useState(showResolved);
  if (urlValue !== showResolved) {
    setUrlValue(showResolved);
    setIsChecked(showResolved);
  }
  return (
    <label className="flex items-center gap-2 text-sm text-stone-600">
      <input
        type="checkbox"
        checked={isChecked}
        onChange={(event) => {
          setIsChecked(event.target.checked);
          onChange(event.target.checked);
        }}
        className="size-4 rounded border-stone-300 accent-stone-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      />
      <span>{t("showResolved")}</span>
    </label>
  );
}

/** The claims in document order, filterable by tag; unplaceable claims listed apart. */
export function ClaimList(props: ClaimListProps) {
  const { anchored, orphaned, withheld, tags, tagFilter, onTagFilterChange, onOpenClaim, totalCount, newCommentCounts = {}, contentLang } = props;
  const { showResolved, onShowResolvedChange } = props;
  const t = useTranslations("claims");
  return (
    <section aria-labelledby="claims-heading" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="claims-heading" className="text-base font-semibold">
          {t.rich("heading", { count: totalCount, muted: (chunks) => <span className="font-normal text-stone-500">{chunks}</span> })}
        </h2>
        <ShowResolvedToggle showResolved={showResolved} onChange={onShowResolvedChange} />
        <label className="flex items-center gap-2 text-sm text-stone-600">
          <span>{t("filterByTag")}</span>
          <select
            value={tagFilter ?? ""}
            onChange={(event) => onTagFilterChange(event.target.value || null)}
            className="h-8 rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900"
          >
            <option value="">{t("allTags")}</option>
            {tags.map((tag) => (
              <option key={tag.id} value={tag.name}>
                {tag.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {anchored.length === 0 && orphaned.length === 0 && withheld.length === 0 ? (
        <p className="rounded-md border border-dashed border-stone-300 p-4 text-sm text-stone-600">
          {tagFilter ? t("noneTagged", { tag: tagFilter }) : !showResolved && totalCount > 0 ? t("noneUnresolved") : t("none")}
        </p>
      ) : (
        <>
          {anchored.length > 0 ? (
            <ol className="-mx-3 flex flex-col" aria-label={t("inDocumentOrder")}>
              {anchored.map(({ claim }) => (
                <ClaimEntry
                  key={claim.id}
                  claim={claim}
                  newCommentCount={newCommentCounts[claim.id]}
                  contentLang={contentLang}
                  onOpen={() => onOpenClaim(claim.id)}
                />
              ))}
            </ol>
          ) : null}
          {withheld.length > 0 ? (
            // Their place in the text is withheld with their content, so they are listed apart.
            <ul className="-mx-3 flex flex-col border-t border-stone-200 pt-2" aria-label={t("hiddenClaims")}>
              {withheld.map((claim) => (
                <ClaimEntry
                  key={claim.id}
                  claim={claim}
                  newCommentCount={newCommentCounts[claim.id]}
                  contentLang={contentLang}
                  onOpen={() => onOpenClaim(claim.id)}
                />
              ))}
            </ul>
          ) : null}
        </>
      )}
      {orphaned.length > 0 ? (
        <section aria-labelledby="orphaned-heading" className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <h3 id="orphaned-heading" className="text-sm font-semibold text-amber-900">
            {t("orphanedHeading", { count: orphaned.length })}
          </h3>
          <p className="mb-2 text-xs text-amber-900">{t("orphanedBody")}</p>
          <ul className="-mx-3 flex flex-col">
            {orphaned.map((claim) => (
              <ClaimEntry
                key={claim.id}
                claim={claim}
                isOrphaned
                newCommentCount={newCommentCounts[claim.id]}
                contentLang={contentLang}
                onOpen={() => onOpenClaim(claim.id)}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

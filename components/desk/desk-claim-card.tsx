"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { contentLangAttribute } from "@/components/documents/document-header";
import { TagChip } from "@/components/ui/tag-chip";
import type { DeskClaimView } from "@/lib/desk/schema";

/** A rating's words and colour on the team's scale, by key (labels already in the page's language). */
export type DeskRatingLabels = Readonly<Record<string, { label: string; color: string }>>;

/** The link that opens a claim in its document. */
export function claimHref(claim: Pick<DeskClaimView, "id" | "documentId">): string {
  return `/documents/${encodeURIComponent(claim.documentId)}?claim=${encodeURIComponent(claim.id)}`;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 gap-1">
      <dt className="shrink-0 text-stone-500">{label}:</dt>
      <dd className="min-w-0 truncate text-stone-800">{children}</dd>
    </div>
  );
}

/**
 * One claim on the desk: its quote (in its document's language) linking to the claim in its document, the
 * document, where the check stands, who has it, by when, the verdict (colour, icon and words: never colour
 * alone), tags, author and comment count. A hidden claim whose content is withheld shows the placeholder.
 */
export function DeskClaimCard({ claim, ratings, compact = false }: { claim: DeskClaimView; ratings: DeskRatingLabels; compact?: boolean }) {
  const t = useTranslations("desk.card");
  const tClaims = useTranslations("claims");
  const tStatus = useTranslations("checks.status");
  const format = useFormatter();
  const lang = contentLangAttribute(claim.document.lang);
  const quote = claim.target?.selector[0].exact;
  const rating = claim.verdict ? ratings[claim.verdict.rating] : undefined;
  return (
    <li data-claim-id={claim.id} className="relative flex flex-col gap-2 rounded-lg border border-stone-200 bg-white p-3 shadow-sm hover:border-stone-400">
      <Link
        href={claimHref(claim)}
        // Fifty cards would prefetch fifty documents; a card opens one.
        prefetch={false}
        className="font-serif text-sm text-stone-900 after:absolute after:inset-0 after:rounded-lg focus-visible:outline-none focus-visible:after:outline-2 focus-visible:after:outline-sky-600"
      >
        {quote === undefined ? (
          <span className="font-sans text-stone-500 italic">{tClaims("hiddenByModerator")}</span>
        ) : (
          <span className={compact ? "line-clamp-3" : "line-clamp-4"}>
            “<span lang={lang}>{quote}</span>”
          </span>
        )}
      </Link>
      <p className="text-xs text-stone-600">
        {t.rich("inDocument", {
          title: claim.document.title,
          doc: (chunks) => (
            <span lang={lang} className="font-medium text-stone-800">
              {chunks}
            </span>
          ),
        })}
      </p>
      <dl className={compact ? "grid grid-cols-1 gap-0.5 text-xs" : "grid grid-cols-1 gap-x-4 gap-y-0.5 text-xs sm:grid-cols-3"}>
        {/* On the board, the column says it. */}
        {compact ? null : (
          <Field label={t("status")}>
            <span data-status={claim.status}>{tStatus(claim.status)}</span>
          </Field>
        )}
        <Field label={t("assignee")}>{claim.assignee?.name ?? t("unassigned")}</Field>
        <Field label={t("due")}>
          {claim.dueAt ? <time dateTime={claim.dueAt}>{format.dateTime(new Date(claim.dueAt), { dateStyle: "medium" })}</time> : t("noDueDate")}
        </Field>
        <Field label={t("verdict")}>
          {claim.verdict ? (
            <span className="inline-flex items-center gap-1" data-verdict={claim.verdict.rating}>
              <span aria-hidden="true" className="inline-block size-2.5 rounded-full" style={{ backgroundColor: rating?.color ?? "#475569" }} />
              {rating?.label ?? claim.verdict.rating}
            </span>
          ) : (
            t("noVerdict")
          )}
        </Field>
        <Field label={t("author")}>{claim.author.name}</Field>
        <Field label={t("comments")}>{format.number(claim.commentCount)}</Field>
      </dl>
      {claim.tags.length > 0 || claim.visibility === "private" ? (
        <p className="flex flex-wrap items-center gap-1.5">
          <span className="sr-only">{t("tags")}</span>
          {claim.tags.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
          {claim.visibility === "private" ? <span className="rounded bg-stone-200 px-1 text-xs text-stone-700">{tClaims("private")}</span> : null}
        </p>
      ) : null}
    </li>
  );
}

import { useFormatter, useTranslations } from "next-intl";

import { publicMarkerAnchor } from "@/components/publications/public-article";
import type { PublicClaimDisplay } from "@/components/publications/public-claim-display";
import { RatingBadge } from "@/components/publications/rating-badge";
import type { EvidenceStance } from "@/lib/generated/prisma/enums";
import type { PublicPageClaim } from "@/lib/publications/public-page";
import type { PublishedEvidence } from "@/lib/publications/published-claims";
import { publicClaimAnchor } from "@/lib/publications/urls";

const stanceNames = { SUPPORTS: "supports", REFUTES: "refutes", CONTEXT: "context" } as const satisfies Record<EvidenceStance, string>;

/** An evidence link only when it is http(s): stored URLs are checked on the way in, this keeps the page safe regardless. */
function toSafeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

type PublicVerdictListProps = {
  claims: PublicPageClaim[];
  displays: ReadonlyMap<string, PublicClaimDisplay>;
  contentLang: string | undefined;
};

/**
 * Every published verdict in reading order: its number, icon and label, the claim's words, the summary, when it was
 * published (and corrected), and its evidence. Each item's id is the anchor ClaimReview's `url` points to.
 */
export function PublicVerdictList({ claims, displays, contentLang }: PublicVerdictListProps) {
  const t = useTranslations("publicPage");
  if (claims.length === 0) return <p className="text-stone-600">{t("noVerdicts")}</p>;
  return (
    <ol className="flex flex-col gap-4">
      {claims.map((claim) => {
        const display = displays.get(claim.id);
        if (!display) return null;
        return (
          <li key={claim.id} id={publicClaimAnchor(claim.id)} className="scroll-mt-6 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
            <h3 className="flex flex-wrap items-center gap-2 font-sans text-base font-semibold">
              <span>{t("claimHeading", { number: claim.number })}</span>{" "}
              <RatingBadge color={display.color} shape={display.shape} label={display.label} />
            </h3>
            <blockquote lang={contentLang} className="mt-3 border-l-4 pl-3 font-serif text-stone-800 italic" style={{ borderColor: display.color }}>
              {claim.quoteExact}
            </blockquote>
            <p className="mt-3 whitespace-pre-line text-stone-900">{claim.verdict.summary}</p>
            <VerdictDates firstPublishedAt={claim.verdict.firstPublishedAt} lastPublishedAt={claim.verdict.lastPublishedAt} />
            {claim.range ? (
              <a href={`#${publicMarkerAnchor(claim.id)}`} className="mt-2 inline-block text-sm font-medium text-sky-800 underline">
                {t("showInArticle", { number: claim.number })}
              </a>
            ) : (
              <p className="mt-2 text-sm text-stone-600">{t("notInArticle")}</p>
            )}
            {claim.evidence.length > 0 ? <EvidenceList evidence={claim.evidence} number={claim.number} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

function VerdictDates({ firstPublishedAt, lastPublishedAt }: { firstPublishedAt: Date; lastPublishedAt: Date }) {
  const t = useTranslations("publicPage");
  const format = useFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: "long" });
  return (
    <p className="mt-2 text-sm text-stone-600">
      <time dateTime={firstPublishedAt.toISOString()}>{t("publishedOn", { date: date(firstPublishedAt) })}</time>
      {lastPublishedAt.getTime() > firstPublishedAt.getTime() ? (
        <>
          {" · "}
          <time dateTime={lastPublishedAt.toISOString()}>{t("updatedOn", { date: date(lastPublishedAt) })}</time>
        </>
      ) : null}
    </p>
  );
}

function EvidenceList({ evidence, number }: { evidence: PublishedEvidence[]; number: number }) {
  const t = useTranslations("publicPage");
  return (
    <section className="mt-4 border-t border-stone-200 pt-3" aria-label={t("evidenceLabel", { number })}>
      <h4 className="font-sans text-sm font-semibold text-stone-700">{t("evidenceHeading")}</h4>
      <ul className="mt-2 flex flex-col gap-3">
        {evidence.map((item) => {
          const href = toSafeHref(item.url);
          return (
            <li key={item.id} className="text-sm">
              <p>
                {href ? (
                  <a href={href} rel="noopener noreferrer nofollow" className="font-medium text-sky-800 underline">
                    {item.title}
                  </a>
                ) : (
                  <span className="font-medium">{item.title}</span>
                )}
                <span className="text-stone-600"> · {t(`stance.${stanceNames[item.stance]}`)}</span>
              </p>
              {item.quote ? <blockquote className="mt-1 border-l-2 border-stone-300 pl-2 text-stone-700 italic">{item.quote}</blockquote> : null}
              {item.note ? <p className="mt-1 whitespace-pre-line text-stone-700">{item.note}</p> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

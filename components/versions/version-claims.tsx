import Link from "next/link";
import { useTranslations } from "next-intl";

import type { ClaimView } from "@/lib/claims/schema";

function ClaimItem({ claim, documentId, contentLang }: { claim: ClaimView; documentId: string; contentLang: string | undefined }) {
  const t = useTranslations("versions");
  const quote = claim.target?.selector[0].exact;
  return (
    <li data-claim-id={claim.id} className="rounded-md border border-stone-200 bg-white p-3">
      {quote ? (
        <blockquote lang={contentLang} className="font-serif text-stone-900">
          “{quote}”
        </blockquote>
      ) : null}
      <p className="mt-1 text-sm text-stone-600">
        {t("claimBy", { name: claim.author.name })}
        {claim.tags.length > 0 ? ` · ${claim.tags.map((tag) => tag.name).join(", ")}` : null}
        {claim.state === "changed" ? ` · ${t("claimChangedHere")}` : null}
      </p>
      <Link href={`/documents/${documentId}?claim=${claim.id}`} className="mt-1 inline-block text-sm font-medium underline">
        {t("openClaimInLatest")}
      </Link>
    </li>
  );
}

/**
 * The claims as they were on a version: those drawn in its text, and apart from them those that had lost their
 * text on it (orphaned), never silently left out. Claims whose content a moderator withheld are only counted.
 */
export function VersionClaims({
  documentId,
  placed,
  orphaned,
  withheld,
  contentLang,
}: {
  documentId: string;
  placed: readonly ClaimView[];
  orphaned: readonly ClaimView[];
  withheld: number;
  contentLang: string | undefined;
}) {
  const t = useTranslations("versions");
  return (
    <section aria-labelledby="version-claims-heading" className="flex flex-col gap-3">
      <h2 id="version-claims-heading" className="text-lg font-semibold">
        {t("claimsHeading")}
      </h2>
      {placed.length === 0 ? <p className="text-sm text-stone-600">{t("claimsEmpty")}</p> : null}
      {placed.length > 0 ? (
        <ul className="flex flex-col gap-2" data-testid="version-claims">
          {placed.map((claim) => (
            <ClaimItem key={claim.id} claim={claim} documentId={documentId} contentLang={contentLang} />
          ))}
        </ul>
      ) : null}
      {orphaned.length > 0 ? (
        <section aria-labelledby="version-orphans-heading" className="mt-2 flex flex-col gap-2">
          <h3 id="version-orphans-heading" className="font-semibold">
            {t("orphanedHeading")}
          </h3>
          <p className="text-sm text-stone-600">{t("orphanedIntro")}</p>
          <ul className="flex flex-col gap-2" data-testid="version-orphaned-claims">
            {orphaned.map((claim) => (
              <ClaimItem key={claim.id} claim={claim} documentId={documentId} contentLang={contentLang} />
            ))}
          </ul>
        </section>
      ) : null}
      {withheld > 0 ? <p className="text-sm text-stone-600">{t("withheldClaims", { count: withheld })}</p> : null}
    </section>
  );
}

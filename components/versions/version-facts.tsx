import { useTranslations } from "next-intl";

import { RelativeTime } from "@/components/ui/relative-time";
import type { VersionSummary } from "@/lib/versions/schema";

/** How a version's text can have come in (lib/versions, lib/documents/import); anything else reads "other". */
const knownFormats = ["text", "markdown", "html", "docx", "editor"] as const;

/**
 * Who saved a version and when, its note, how its text came in, and what re-anchoring did to the claims
 * ("41 moved with the text, 2 changed, 1 lost its text").
 */
export function VersionFacts({ version }: { version: VersionSummary }) {
  const t = useTranslations("versions");
  const format = knownFormats.find((known) => known === version.format) ?? "other";
  const claimsMoved = version.anchored + version.changed + version.orphaned;
  return (
    <div className="flex flex-col gap-1 text-sm text-stone-700">
      <p>
        {version.createdBy ? t("savedBy", { name: version.createdBy.name }) : t("savedByUnknown")} · <RelativeTime iso={version.createdAt} />
      </p>
      {version.note ? <p className="whitespace-pre-line text-stone-900">{version.note}</p> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        <dt className="text-stone-500">{t("cameInAs")}</dt>
        <dd>{t(`format.${format}`)}</dd>
        <dt className="text-stone-500">{t("claimsLabel")}</dt>
        <dd data-testid="version-reanchored">
          {version.number === 1
            ? t("firstVersion")
            : claimsMoved === 0
              ? t("noClaimsToMove")
              : t("reanchored", { anchored: version.anchored, changed: version.changed, orphaned: version.orphaned })}
        </dd>
      </dl>
    </div>
  );
}

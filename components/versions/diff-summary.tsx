import { useTranslations } from "next-intl";

import { Alert } from "@/components/ui/alert";
import type { TextDiff } from "@/lib/versions/diff";

/** "12 words added, 5 removed in 3 paragraphs", the paragraphs moved, and whether the comparison is word by word. */
export function DiffSummary({ diff }: { diff: TextDiff }) {
  const t = useTranslations("versions");
  const { wordsAdded, wordsRemoved, paragraphsChanged, paragraphsMoved, changes } = diff.stats;
  return (
    <div className="mb-4 flex flex-col gap-2">
      <p className="font-medium" data-testid="diff-summary">
        {changes === 0
          ? t("noDifferences")
          : [
              paragraphsChanged > 0 ? t("diffSummary", { added: wordsAdded, removed: wordsRemoved, paragraphs: paragraphsChanged }) : null,
              paragraphsMoved > 0 ? t("paragraphsMoved", { count: paragraphsMoved }) : null,
            ]
              .filter(Boolean)
              .join("; ")}
      </p>
      {!diff.isComplete ? <Alert tone="info">{t("diffCoarse")}</Alert> : null}
    </div>
  );
}

import { useLocale, useTranslations } from "next-intl";
import { Fragment } from "react";

import type { DiffBlock, ShownParagraph } from "@/components/versions/diff-blocks";
import { DiffMark, DiffSegments, ParagraphSign } from "@/components/versions/diff-marks";
import { FoldButton } from "@/components/versions/fold-button";

/** Where "next change" lands: focusable from script only, outlined whenever it has focus (also after a click on "Next change"). */
export const changeStopClass = "scroll-mt-32 rounded-sm outline-offset-4 focus:outline-2 focus:outline-sky-600";

function InlineParagraph({ item, foldStart }: { item: ShownParagraph; foldStart?: string }) {
  const t = useTranslations("versions");
  const locale = useLocale();
  const { paragraph, change } = item;
  const stop = change === null ? {} : { "data-change": change, tabIndex: -1 };
  switch (paragraph.kind) {
    case "equal":
      return (
        <p data-fold-start={foldStart} tabIndex={foldStart ? -1 : undefined}>
          {paragraph.text}
        </p>
      );
    case "changed":
      return (
        <p {...stop} data-diff="changed" className={changeStopClass}>
          <DiffSegments segments={paragraph.segments} side="both" />
        </p>
      );
    case "deleted":
    case "inserted": {
      const kind = paragraph.kind === "inserted" ? "insert" : "delete";
      const moved = paragraph.kind === "inserted" ? paragraph.movedFrom !== null : paragraph.movedTo !== null;
      const label = moved ? (kind === "insert" ? t("movedHereLabel") : t("movedAwayLabel")) : kind === "insert" ? t("insertedParagraphLabel") : t("deletedParagraphLabel");
      return (
        <div {...stop} data-diff={paragraph.kind} className={`${changeStopClass} relative my-5`}>
          <ParagraphSign kind={kind} />
          <p className="my-0">
            <DiffMark kind={kind} label={label}>
              {paragraph.text}
            </DiffMark>
          </p>
          {moved ? (
            <p aria-hidden="true" lang={locale} className="mt-1 font-sans text-xs text-stone-600">
              {kind === "insert" ? t("movedHere") : t("movedAway")}
            </p>
          ) : null}
        </div>
      );
    }
  }
}

/** The comparison in reading order: deletions and insertions where they happened, in one column. */
export function DiffInline({
  blocks,
  opened,
  onOpen,
  contentLang,
}: {
  blocks: readonly DiffBlock[];
  opened: ReadonlySet<string>;
  onOpen: (id: string) => void;
  contentLang: string | undefined;
}) {
  return (
    <div className="article-body pl-6" lang={contentLang} data-testid="diff-inline">
      {blocks.map((block) =>
        block.kind === "folded" && !opened.has(block.id) ? (
          <FoldButton key={`fold-${block.id}`} count={block.paragraphs.length} onOpen={() => onOpen(block.id)} />
        ) : (
          <Fragment key={block.kind === "folded" ? block.id : block.paragraphs[0]!.key}>
            {block.paragraphs.map((item, position) => (
              <InlineParagraph key={item.key} item={item} foldStart={block.kind === "folded" && position === 0 ? block.id : undefined} />
            ))}
          </Fragment>
        ),
      )}
    </div>
  );
}

import { useLocale, useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";

import type { DiffBlock, ShownParagraph } from "@/components/versions/diff-blocks";
import { changeStopClass } from "@/components/versions/diff-inline";
import { DiffMark, DiffSegments } from "@/components/versions/diff-marks";
import { FoldButton } from "@/components/versions/fold-button";

const cellClass = "w-1/2 border-t border-stone-200 px-3 py-3 align-top";

function SideBySideRow({ item, foldStart, contentLang }: { item: ShownParagraph; foldStart?: string; contentLang: string | undefined }) {
  const t = useTranslations("versions");
  const locale = useLocale();
  const { paragraph, change } = item;
  const movedNote = (text: string) => (
    <p aria-hidden="true" lang={locale} className="mt-1 font-sans text-xs text-stone-600">
      {text}
    </p>
  );
  const stop = change === null ? {} : { "data-change": change, tabIndex: -1, className: changeStopClass };
  let before: ReactNode = null;
  let after: ReactNode = null;
  switch (paragraph.kind) {
    case "equal":
      before = paragraph.text;
      after = paragraph.text;
      break;
    case "changed":
      before = <DiffSegments segments={paragraph.segments} side="before" />;
      after = <DiffSegments segments={paragraph.segments} side="after" />;
      break;
    case "deleted":
      before = (
        <>
          <DiffMark kind="delete" label={paragraph.movedTo === null ? t("deletedParagraphLabel") : t("movedAwayLabel")}>
            {paragraph.text}
          </DiffMark>
          {paragraph.movedTo === null ? null : movedNote(t("movedAway"))}
        </>
      );
      break;
    case "inserted":
      after = (
        <>
          <DiffMark kind="insert" label={paragraph.movedFrom === null ? t("insertedParagraphLabel") : t("movedHereLabel")}>
            {paragraph.text}
          </DiffMark>
          {paragraph.movedFrom === null ? null : movedNote(t("movedHere"))}
        </>
      );
      break;
  }
  return (
    <tr {...stop} data-diff={paragraph.kind} data-fold-start={foldStart} tabIndex={foldStart ? -1 : stop.tabIndex}>
      <td className={cellClass} lang={contentLang}>
        {before}
      </td>
      <td className={`${cellClass} border-l`} lang={contentLang}>
        {after}
      </td>
    </tr>
  );
}

/** The comparison in two columns, the older version on the left, a row per paragraph. */
export function DiffSideBySide({
  blocks,
  opened,
  onOpen,
  from,
  to,
  contentLang,
}: {
  blocks: readonly DiffBlock[];
  opened: ReadonlySet<string>;
  onOpen: (id: string) => void;
  from: number;
  to: number;
  contentLang: string | undefined;
}) {
  const t = useTranslations("versions");
  return (
    <table className="w-full table-fixed border-collapse font-serif text-base leading-7" data-testid="diff-side-by-side">
      <caption className="sr-only">{t("sideBySideCaption", { from, to })}</caption>
      <thead className="font-sans text-sm text-stone-600">
        <tr>
          <th scope="col" className="px-3 py-2 text-left font-medium">
            {t("versionNumber", { number: from })}
          </th>
          <th scope="col" className="border-l border-stone-200 px-3 py-2 text-left font-medium">
            {t("versionNumber", { number: to })}
          </th>
        </tr>
      </thead>
      <tbody>
        {blocks.map((block) =>
          block.kind === "folded" && !opened.has(block.id) ? (
            <tr key={`fold-${block.id}`}>
              <td colSpan={2} className="px-3">
                <FoldButton count={block.paragraphs.length} onOpen={() => onOpen(block.id)} />
              </td>
            </tr>
          ) : (
            <Fragment key={block.kind === "folded" ? block.id : block.paragraphs[0]!.key}>
              {block.paragraphs.map((item, position) => (
                <SideBySideRow
                  key={item.key}
                  item={item}
                  foldStart={block.kind === "folded" && position === 0 ? block.id : undefined}
                  contentLang={contentLang}
                />
              ))}
            </Fragment>
          ),
        )}
      </tbody>
    </table>
  );
}

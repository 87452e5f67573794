import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { cn } from "@/components/ui/cn";
import type { DiffSegment } from "@/lib/versions/diff";

/*
 * Insertions and deletions are marked by more than colour: `<ins>` underlined and `<del>` struck through (what
 * assistive technology and a printout keep), a tint, and a visually hidden "inserted:" / "deleted:" before the
 * words for screen readers, which mostly ignore the elements themselves. Whole paragraphs also get a visible + / −.
 */
export const insertedClass = "bg-emerald-100 text-emerald-950 underline decoration-emerald-700 decoration-2 underline-offset-[3px]";
export const deletedClass = "bg-red-100 text-red-950 line-through decoration-red-700 decoration-2";

/** One inserted or deleted stretch, with its hidden label. */
export function DiffMark({ kind, label, children }: { kind: "insert" | "delete"; label?: string; children: ReactNode }) {
  const t = useTranslations("versions");
  const locale = useLocale();
  const text = label ?? (kind === "insert" ? t("insertedLabel") : t("deletedLabel"));
  // In the interface's language, inside text in the article's.
  const hidden = (
    <span className="sr-only" lang={locale}>
      {text}{" "}
    </span>
  );
  return kind === "insert" ? (
    <ins className={insertedClass}>
      {hidden}
      {children}
    </ins>
  ) : (
    <del className={deletedClass}>
      {hidden}
      {children}
    </del>
  );
}

/**
 * A changed paragraph's words: both sides inline ("both"), or one column of the side-by-side view: the older text
 * with its deletions ("before"), the newer with its insertions ("after").
 */
export function DiffSegments({ segments, side }: { segments: readonly DiffSegment[]; side: "both" | "before" | "after" }) {
  return segments.map((segment, index) => {
    if (segment.kind === "equal") return <span key={index}>{segment.text}</span>;
    if ((segment.kind === "insert" && side === "before") || (segment.kind === "delete" && side === "after")) return null;
    return (
      <DiffMark key={index} kind={segment.kind}>
        {segment.text}
      </DiffMark>
    );
  });
}

/** The visible + or − in the margin of a whole paragraph inserted or deleted (its hidden label says it in words). */
export function ParagraphSign({ kind }: { kind: "insert" | "delete" }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "absolute top-0 -left-6 w-4 text-center font-sans font-bold",
        kind === "insert" ? "text-emerald-800" : "text-red-800",
      )}
    >
      {kind === "insert" ? "+" : "−"}
    </span>
  );
}

import { useTranslations } from "next-intl";
import { Fragment, type ReactNode } from "react";

import { buildArticlePieces } from "@/components/publications/article-pieces";
import { addMarksToPieces, type MarkedPiece, type MarkedRun } from "@/components/publications/marked-pieces";
import type { PublicClaimDisplay } from "@/components/publications/public-claim-display";
import { RatingBadge } from "@/components/publications/rating-badge";
import { isTextBlock, type BlockNode, type DocumentContent, type ListItemNode, type TextBlockNode } from "@/lib/documents/content-schema";
import { getBlockText, getTextBlocks } from "@/lib/documents/text-index";
import { publicClaimAnchor } from "@/lib/publications/urls";
import { mixWithWhite } from "@/lib/tags/colors";

/** The id of a claim's marker in the article (the verdict list links back to it). */
export function publicMarkerAnchor(claimId: string): string {
  return `marker-${claimId}`;
}

type PublicArticleProps = {
  content: DocumentContent;
  /** Where each claim sits (UTF-16 offsets into the document text); claims that could not be placed are left out. */
  ranges: { claimId: string; start: number; end: number }[];
  displays: ReadonlyMap<string, PublicClaimDisplay>;
  /** The article's language (BCP 47), or undefined when unknown; the markers speak the reader's, `locale`. */
  contentLang: string | undefined;
  locale: string;
};

/** A run of text inside its marks (bold, italic, a link), as React elements: text is never HTML. */
function renderRun(run: MarkedRun, key: number): ReactNode {
  let element: ReactNode = run.text;
  for (const mark of run.marks) {
    if (mark.type === "bold") element = <strong>{element}</strong>;
    else if (mark.type === "italic") element = <em>{element}</em>;
    // Stored links are http(s) or mailto only (lib/documents/content-schema.ts).
    else element = <a href={mark.attrs.href} rel="noopener noreferrer nofollow ugc" target="_blank">{element}</a>;
  }
  return <Fragment key={key}>{element}</Fragment>;
}

/**
 * The article, read-only, with each published claim tinted in its rating's colour and followed by a marker: its
 * number, icon and label, a link to its verdict below. Quotes and lists keep their structure and the text its
 * emphasis and links. Text is rendered as React text, never as HTML.
 */
export function PublicArticle({ content, ranges, displays, contentLang, locale }: PublicArticleProps) {
  const t = useTranslations("publicPage");
  // Claims are placed on the text blocks in reading order (offsets into the document text); each block finds its
  // pieces by its place in that order.
  const textBlocks = getTextBlocks(content);
  const blockPieces = buildArticlePieces(textBlocks.map(getBlockText), ranges);
  const readingOrder = new Map<TextBlockNode, number>(textBlocks.map((block, index) => [block, index]));

  const renderPieces = (pieces: MarkedPiece[]) =>
    pieces.map((piece, index) => {
      if (piece.kind === "marker") {
        const display = displays.get(piece.claimId);
        if (!display) return null;
        return (
          <a
            key={`marker-${piece.claimId}`}
            id={publicMarkerAnchor(piece.claimId)}
            href={`#${publicClaimAnchor(piece.claimId)}`}
            lang={locale}
            className="mx-0.5 inline-block scroll-mt-24 align-[0.1em] no-underline"
          >
            <span className="sr-only">{t("claimWord")} </span>
            <RatingBadge color={display.color} shape={display.shape} label={display.label} number={display.number} />
          </a>
        );
      }
      const runs = piece.runs.map(renderRun);
      const first = piece.claimIds[0];
      const color = first ? displays.get(first)?.color : undefined;
      if (!color) return <span key={index}>{runs}</span>;
      const depth = Math.min(piece.claimIds.length, 4);
      return (
        <mark
          key={index}
          data-claim-id={first}
          className="rounded-[2px] pb-0.5 text-inherit"
          // A tint that keeps the text's contrast (as the document view's highlights), and an underline band.
          style={{ backgroundColor: mixWithWhite(color, 0.1 + depth * 0.08), boxShadow: `inset 0 -2px 0 ${color}` }}
        >
          {runs}
        </mark>
      );
    });

  const renderBlock = (block: BlockNode | ListItemNode, key: number): ReactNode => {
    if (isTextBlock(block)) {
      const pieces = renderPieces(addMarksToPieces(blockPieces[readingOrder.get(block) ?? -1] ?? [], block.content ?? []));
      if (block.type === "heading") return block.attrs.level === 2 ? <h2 key={key}>{pieces}</h2> : <h3 key={key}>{pieces}</h3>;
      if (block.type === "caption") {
        return (
          <figure key={key} className="article-caption">
            <figcaption>{pieces}</figcaption>
          </figure>
        );
      }
      return <p key={key}>{pieces}</p>;
    }
    switch (block.type) {
      case "blockquote":
        return <blockquote key={key}>{block.content.map(renderBlock)}</blockquote>;
      case "bulletList":
        return <ul key={key}>{block.content.map(renderBlock)}</ul>;
      case "orderedList":
        return (
          <ol key={key} start={block.attrs?.start}>
            {block.content.map(renderBlock)}
          </ol>
        );
      case "listItem":
        return <li key={key}>{block.content.map(renderBlock)}</li>;
    }
  };

  return (
    <div className="article-body" lang={contentLang}>
      {content.content.map(renderBlock)}
    </div>
  );
}

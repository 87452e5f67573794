import { useTranslations } from "next-intl";

import { buildArticlePieces, type ArticlePiece } from "@/components/publications/article-pieces";
import type { PublicClaimDisplay } from "@/components/publications/public-claim-display";
import { RatingBadge } from "@/components/publications/rating-badge";
import type { DocumentContent } from "@/lib/documents/content-schema";
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

/**
 * The article, read-only, with each published claim tinted in its rating's colour and followed by a marker: its
 * number, icon and label, a link to its verdict below. Text is rendered as React text, never as HTML.
 */
export function PublicArticle({ content, ranges, displays, contentLang, locale }: PublicArticleProps) {
  const t = useTranslations("publicPage");
  // Quotes and lists are shown as their text blocks, one after another (their nesting is not drawn here yet).
  const textBlocks = getTextBlocks(content);
  const blocks = buildArticlePieces(textBlocks.map(getBlockText), ranges);

  const renderPieces = (pieces: ArticlePiece[]) =>
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
      const first = piece.claimIds[0];
      const color = first ? displays.get(first)?.color : undefined;
      if (!color) return <span key={index}>{piece.text}</span>;
      const depth = Math.min(piece.claimIds.length, 4);
      return (
        <mark
          key={index}
          data-claim-id={first}
          className="rounded-[2px] pb-0.5 text-inherit"
          // A tint that keeps the text's contrast (as the document view's highlights), and an underline band.
          style={{ backgroundColor: mixWithWhite(color, 0.1 + depth * 0.08), boxShadow: `inset 0 -2px 0 ${color}` }}
        >
          {piece.text}
        </mark>
      );
    });

  return (
    <div className="article-body" lang={contentLang}>
      {textBlocks.map((block, index) => {
        const pieces = renderPieces(blocks[index] ?? []);
        switch (block.type) {
          case "heading":
            return block.attrs.level === 2 ? <h2 key={index}>{pieces}</h2> : <h3 key={index}>{pieces}</h3>;
          case "caption":
            return (
              <figure key={index} className="article-caption">
                <figcaption>{pieces}</figcaption>
              </figure>
            );
          default:
            return <p key={index}>{pieces}</p>;
        }
      })}
    </div>
  );
}

import type { ReactNode } from "react";

import { buildBlockRuns, type ClaimRange, type TextRun } from "@/components/versions/version-runs";
import { collectTextBlocks, type BlockNode, type DocumentContent, type ListItemNode, type TextBlockNode } from "@/lib/documents/content-schema";
import { buildTextIndex } from "@/lib/documents/text-index";
import { mixWithWhite } from "@/lib/tags/colors";

/** A claim drawn over the text, in the colour of its first tag (or the untagged colour). */
export type DrawnClaim = ClaimRange & { color: string };

function renderRun(run: TextRun, key: number, colors: ReadonlyMap<string, string>): ReactNode {
  let element: ReactNode = run.text;
  for (const mark of run.marks) {
    if (mark.type === "bold") element = <strong>{element}</strong>;
    else if (mark.type === "italic") element = <em>{element}</em>;
    else element = <a href={mark.attrs.href} rel="noopener noreferrer nofollow ugc" target="_blank">{element}</a>;
  }
  const innermost = run.claimIds[0];
  const color = innermost ? colors.get(innermost) : undefined;
  if (!innermost || !color) return <span key={key}>{element}</span>;
  const depth = Math.min(run.claimIds.length, 4);
  return (
    <mark
      key={key}
      data-claim-id={innermost}
      data-claim-ids={run.claimIds.join(" ")}
      className="rounded-[2px] pb-0.5 text-inherit"
      // The tint and underline band of the document view's highlights (the same contrast-checked percentages).
      style={{ backgroundColor: mixWithWhite(color, 0.1 + depth * 0.08), boxShadow: `inset 0 -2px 0 ${color}` }}
    >
      {element}
    </mark>
  );
}

/**
 * A version's content, read-only, with its claims drawn as `<mark>` where they sat on that version; the same
 * structure as the reader's static article (components/documents/static-article.tsx). Text is rendered as React
 * text, never as HTML.
 */
export function VersionArticle({ content, claims, contentLang }: { content: DocumentContent; claims: readonly DrawnClaim[]; contentLang: string | undefined }) {
  const { blocks } = buildTextIndex(content);
  // Where each text block starts in the document text: both lists are the text blocks in reading order.
  const offsets = new Map(collectTextBlocks(content.content).map((item, index) => [item.block, blocks[index]?.offset ?? 0]));
  const colors = new Map(claims.map((claim) => [claim.claimId, claim.color]));
  const inline = (block: TextBlockNode) =>
    buildBlockRuns(block, offsets.get(block) ?? 0, claims).map((run, index) => renderRun(run, index, colors));
  const renderBlock = (block: BlockNode | ListItemNode, key: number): ReactNode => {
    switch (block.type) {
      case "heading":
        return block.attrs.level === 2 ? <h2 key={key}>{inline(block)}</h2> : <h3 key={key}>{inline(block)}</h3>;
      case "caption":
        return (
          <figure key={key} data-type="caption" className="article-caption">
            <figcaption>{inline(block)}</figcaption>
          </figure>
        );
      case "paragraph":
        return <p key={key}>{inline(block)}</p>;
      case "blockquote":
        return <blockquote key={key} className="border-l-4 border-stone-300 pl-4">{block.content.map(renderBlock)}</blockquote>;
      case "bulletList":
        return <ul key={key} className="list-disc pl-6">{block.content.map(renderBlock)}</ul>;
      case "orderedList":
        return <ol key={key} start={block.attrs?.start} className="list-decimal pl-6">{block.content.map(renderBlock)}</ol>;
      case "listItem":
        return <li key={key}>{block.content.map(renderBlock)}</li>;
    }
  };
  return (
    <div className="article-body" lang={contentLang} data-testid="version-article">
      {content.content.map(renderBlock)}
    </div>
  );
}

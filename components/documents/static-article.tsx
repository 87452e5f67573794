import type { ReactNode } from "react";

import type { BlockNode, ListItemNode, TextNode } from "@/lib/documents/content-schema";
import type { DocumentContent } from "@/lib/documents/content-schema";

/** A text node with its marks (bold, italic, link) as React elements; the text is a React text node, never HTML. */
function renderText(node: TextNode, key: number): ReactNode {
  let element: ReactNode = node.text;
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") element = <strong>{element}</strong>;
    else if (mark.type === "italic") element = <em>{element}</em>;
    else element = <a href={mark.attrs.href} rel="noopener noreferrer nofollow ugc" target="_blank">{element}</a>;
  }
  return <span key={key}>{element}</span>;
}

function renderBlock(block: BlockNode | ListItemNode, key: number): ReactNode {
  const inline = "content" in block && (block.type === "paragraph" || block.type === "heading" || block.type === "caption") ? (block.content ?? []).map(renderText) : null;
  switch (block.type) {
    case "heading":
      return block.attrs.level === 2 ? <h2 key={key}>{inline}</h2> : <h3 key={key}>{inline}</h3>;
    case "caption":
      return (
        <figure key={key} data-type="caption" className="article-caption">
          <figcaption>{inline}</figcaption>
        </figure>
      );
    case "paragraph":
      return <p key={key}>{inline}</p>;
    case "blockquote":
      return <blockquote key={key}>{block.content.map(renderBlock)}</blockquote>;
    case "bulletList":
      return <ul key={key}>{block.content.map(renderBlock)}</ul>;
    case "orderedList":
      return <ol key={key} start={block.attrs?.start}>{block.content.map(renderBlock)}</ol>;
    case "listItem":
      return <li key={key}>{block.content.map(renderBlock)}</li>;
  }
}

/**
 * The article as plain React elements, with the same structure and classes as the tiptap reader. Shown in
 * server-rendered HTML and until the reader mounts, so the text is readable at once and nothing shifts.
 * Text is rendered as React text nodes, never as HTML.
 */
export function StaticArticle({ content }: { content: DocumentContent }) {
  return (
    <div className="ProseMirror" aria-busy="true">
      {content.content.map(renderBlock)}
    </div>
  );
}

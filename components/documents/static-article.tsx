import type { DocumentContent } from "@/lib/documents/content-schema";
import { getBlockText } from "@/lib/documents/text-index";

/**
 * The article as plain React elements, with the same structure and classes as the tiptap reader. Shown in
 * server-rendered HTML and until the reader mounts, so the text is readable at once and nothing shifts.
 * Text is rendered as React text nodes, never as HTML.
 */
export function StaticArticle({ content }: { content: DocumentContent }) {
  return (
    <div className="ProseMirror" aria-busy="true">
      {content.content.map((block, index) => {
        const text = getBlockText(block);
        switch (block.type) {
          case "heading":
            return block.attrs.level === 2 ? <h2 key={index}>{text}</h2> : <h3 key={index}>{text}</h3>;
          case "caption":
            return (
              <figure key={index} data-type="caption" className="article-caption">
                <figcaption>{text}</figcaption>
              </figure>
            );
          default:
            return <p key={index}>{text}</p>;
        }
      })}
    </div>
  );
}

/**
 * Untrusted HTML → the HTML of an article: parsed as a browser would (parse5, through rehype-parse), reshaped into
 * the article's structure (article-tree.ts), then cut down by an allow-list (rehype-sanitize) to exactly what the
 * article schema holds: paragraphs, two heading levels, captions, quotes, lists, bold, italic and http(s)/mailto
 * links with no other attribute. Scripts, styles, event handlers, frames, forms and images cannot survive it; what
 * it lets through is then parsed by the schema itself (content.ts), which keeps only text and those marks. Pure.
 */
import type { Root } from "hast";
import rehypeParse from "rehype-parse";
import rehypeSanitize, { type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";

import { removedElements, removeNonArticleContent, reshapeArticle, takeTitle } from "@/lib/documents/import/article-tree";

/** The allow-list: nothing but the article's elements, and of attributes only a link's href and a list's start. */
export const articleSanitizeSchema: SanitizeSchema = {
  tagNames: ["p", "h2", "h3", "blockquote", "ul", "ol", "li", "strong", "b", "em", "i", "a", "figure", "figcaption", "div"],
  attributes: { a: ["href"], ol: ["start"], figure: [["dataType", "caption"]] },
  protocols: { href: ["http", "https", "mailto"] },
  required: {},
  strip: removedElements,
  clobber: [],
  clobberPrefix: "",
  allowComments: false,
  allowDoctypes: false,
};

export type SanitizedArticle = {
  /** The article's HTML, safe to parse with the article schema. */
  html: string;
  /** The title: the one given, else the article's leading (or first) `<h1>`. */
  title: string | null;
};

/**
 * Sanitises `html` for the article schema. `baseUrl` resolves relative links (without one they lose their link and
 * keep their text); `knownTitle` is the title from metadata, so a leading `<h1>` repeating it is not kept twice.
 */
export function sanitizeArticleHtml(html: string, { baseUrl = null, knownTitle = null }: { baseUrl?: string | null; knownTitle?: string | null } = {}): SanitizedArticle {
  let title: string | null = null;
  const processor = unified()
    .use(rehypeParse)
    .use(() => (tree: Root) => {
      removeNonArticleContent(tree);
      title = takeTitle(tree, knownTitle);
      reshapeArticle(tree, baseUrl);
    })
    .use(rehypeSanitize, articleSanitizeSchema)
    .use(rehypeStringify);
  const output = processor.processSync(html);
  return { html: String(output), title };
}

/**
 * Markdown → HTML (CommonMark with GitHub's extensions, through unified/remark), plus the metadata of a YAML front
 * matter block. HTML written inside the Markdown is passed on as HTML: the same sanitiser as every HTML import
 * (sanitize-html.ts) decides what survives, so `<script>` in Markdown is as dead as in a web page. Pure.
 */
import type { Root as MdastRoot } from "mdast";
import rehypeStringify from "rehype-stringify";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { parse as parseYaml } from "yaml";

import { cleanPublishedOn, cleanSourceUrl, emptyMetadata, type ImportMetadata } from "@/lib/documents/import/metadata";

const frontMatterKeys = {
  title: ["title"],
  byline: ["author", "authors", "byline"],
  sourceUrl: ["canonical", "canonical_url", "canonicalurl", "source", "source_url", "sourceurl", "url", "link"],
  publishedOn: ["date", "published", "published_at", "publishedat", "pubdate", "publication_date"],
} as const;

/** A front matter value as one line: a string, a number, or a list of strings (several authors). */
function frontMatterText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === "string")) return value.join(", ");
  return null;
}

/** The metadata a YAML front matter block gives (keys case-insensitive); nothing when it is not a YAML mapping. */
export function readFrontMatter(yaml: string): Partial<ImportMetadata> {
  let data: unknown;
  try {
    // A small alias budget: YAML aliases can expand a few bytes into gigabytes ("billion laughs").
    data = parseYaml(yaml, { maxAliasCount: 20 });
  } catch {
    return {}; // Not YAML after all (a Markdown rule between dashes): the text is imported without metadata.
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return {};
  const entries = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), frontMatterText(value)]));
  const first = (keys: readonly string[]) => keys.map((key) => entries.get(key)).find((value) => value != null) ?? null;
  return {
    title: first(frontMatterKeys.title),
    byline: first(frontMatterKeys.byline),
    sourceUrl: cleanSourceUrl(first(frontMatterKeys.sourceUrl)),
    publishedOn: cleanPublishedOn(first(frontMatterKeys.publishedOn)),
  };
}

/** A remark plugin: takes the front matter block out of the tree (it is metadata, not text) into `file.data`. */
function extractFrontMatter() {
  return (tree: MdastRoot, file: { data: Record<string, unknown> }) => {
    const index = tree.children.findIndex((node) => node.type === "yaml");
    const node = tree.children[index];
    if (node?.type !== "yaml") return;
    file.data.frontMatter = readFrontMatter(node.value);
    tree.children.splice(index, 1);
  };
}

const markdownProcessor = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ["yaml"])
  .use(remarkGfm)
  .use(extractFrontMatter)
  // Embedded HTML goes on as raw HTML, to the sanitiser; it is never trusted here.
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeStringify, { allowDangerousHtml: true });

/**
 * How deep a Markdown line may nest quotes and lists (markers and indentation) before it is refused. The parser
 * checks every open container on every line, so its time grows with lines × depth: thousands of levels (a few
 * kilobytes of ">" or indentation) take minutes. An article nests a few levels; a document stores 8.
 */
export const markdownNestingMax = 64;

/** The container depth a line opens: its quote and list markers, and its indentation (two columns a level). */
function lineNesting(line: string): number {
  let markers = 0;
  let columns = 0;
  let index = 0;
  while (index < line.length) {
    const character = line[index]!;
    if (character === " ") columns += 1;
    else if (character === "\t") columns += 4 - (columns % 4);
    else if (character === ">") markers += 1;
    else {
      const marker = /^(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/u.exec(line.slice(index, index + 11));
      if (!marker) break;
      markers += 1;
      index += marker[0].length;
      continue;
    }
    index += 1;
  }
  return markers + Math.floor(columns / 2);
}

/** Whether some line of `source` nests deeper than `markdownNestingMax`: refused before parsing (a 422). */
export function markdownNestsTooDeeply(source: string): boolean {
  for (const line of source.split("\n")) if (lineNesting(line) > markdownNestingMax) return true;
  return false;
}

/** A Markdown article as (unsanitised) HTML and the metadata of its front matter. */
export function markdownToHtml(source: string): { html: string; metadata: ImportMetadata } {
  const file = markdownProcessor.processSync(source);
  const frontMatter = (file.data as { frontMatter?: Partial<ImportMetadata> }).frontMatter ?? {};
  return { html: String(file), metadata: { ...emptyMetadata, ...frontMatter } };
}

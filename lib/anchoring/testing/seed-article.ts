// Test support: the real seed article, as a document's plain text. Node-only; not part of the API.
import { readFileSync } from "node:fs";

/**
 * Derives a document's plain text from a seed article file: drops the leading `date YYYY-MM`
 * metadata, trims, and normalises line endings. Paragraphs end up separated by "\n\n".
 */
export function deriveArticleText(raw: string): string {
  return raw
    .replace(/^\s*date \d{4}-\d{2}\s+/, "")
    .trim()
    .replace(/\r\n?/g, "\n");
}

/** The Nagorno-Karabach article (NRC, October 2020) used by the seed, as plain text. */
export const SEED_ARTICLE = deriveArticleText(
  readFileSync(
    new URL("../../../prisma/seed/articles/nagorno-karabach-2020-10.txt", import.meta.url),
    "utf8",
  ),
);

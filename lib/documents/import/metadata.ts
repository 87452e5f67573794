/**
 * What an imported article says about itself (title, byline, source URL, publication date), cleaned to what a
 * document stores: one line of text within its limit, an http(s) URL, a date "YYYY-MM-DD" or "YYYY-MM". Pure.
 */
export type ImportMetadata = {
  title: string | null;
  byline: string | null;
  sourceUrl: string | null;
  publishedOn: string | null;
};

export const emptyMetadata: ImportMetadata = { title: null, byline: null, sourceUrl: null, publishedOn: null };

/** The most characters of a byline. */
export const bylineMax = 200;
/** The longest source URL kept (the same limit as a link's target, lib/documents/content-schema.ts). */
export const sourceUrlMax = 2048;

/** The first value that is not null, field by field: earlier sources win. */
export function mergeMetadata(...sources: Partial<ImportMetadata>[]): ImportMetadata {
  const merged: ImportMetadata = { ...emptyMetadata };
  for (const key of Object.keys(merged) as (keyof ImportMetadata)[]) {
    merged[key] = sources.map((source) => source[key]).find((value) => value !== null && value !== undefined) ?? null;
  }
  return merged;
}

// Control characters (other than whitespace, which collapses) and lone surrogates never reach a stored line.
const controlCharacters = /(?![\t\n\r])\p{Cc}/gu;

/**
 * One line of text: whitespace collapsed, control characters removed, cut at a word boundary (with "…") when longer
 * than `max`; null when nothing is left. For values read from a file, which cannot be sent back to be corrected.
 */
export function cleanLine(value: unknown, max: number): string | null {
  if (typeof value !== "string") return null;
  const line = value.toWellFormed().replace(controlCharacters, "").replace(/\s+/gu, " ").trim();
  if (line === "") return null;
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** An absolute http(s) URL (resolved against `base` when relative), or null. */
export function cleanSourceUrl(value: unknown, base?: string | null): string | null {
  if (typeof value !== "string" || value.trim() === "") return null;
  let url: URL;
  try {
    url = base ? new URL(value.trim(), base) : new URL(value.trim());
  } catch {
    return null; // Not a URL: a page's metadata is a hint, not something to refuse the import for.
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.href.length <= sourceUrlMax ? url.href : null;
}

const isoDatePrefix = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ]\S*)?)?$/u;

/**
 * A publication date as a document stores it: "YYYY-MM-DD", or "YYYY-MM" when only the month is known. Takes an
 * ISO 8601 date or date-time (the date as written, not converted to another time zone); null for anything else
 * or a date that does not exist.
 */
export function cleanPublishedOn(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const match = isoDatePrefix.exec(value.trim());
  if (!match) return null;
  const [, year = "", month = "", day] = match;
  const monthNumber = Number(month);
  if (monthNumber < 1 || monthNumber > 12) return null;
  if (day === undefined) return `${year}-${month}`;
  const date = new Date(Date.UTC(Number(year), monthNumber - 1, Number(day)));
  if (date.getUTCMonth() !== monthNumber - 1 || date.getUTCDate() !== Number(day)) return null;
  return `${year}-${month}-${day}`;
}

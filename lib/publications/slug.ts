/**
 * Public page slugs: readable, URL-safe words from a document's title ("Nagorno-Karabach: Ruslands
 * wapenstilstand…" → "nagorno-karabach-ruslands-wapenstilstand…"). Pure.
 */

/** The longest slug, before a "-2" suffix: long enough for a headline's first words, short enough to share. */
export const slugMaxLength = 80;

/** A slug as this module makes them: lower-case ASCII letters and digits in groups joined by single hyphens. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;

/** A title without a letter or digit that survives (e.g. one written only in Cyrillic) gets this one. */
const fallbackSlug = "article";

/**
 * The slug of a title: accents dropped (é → e, ğ → g), ß and the ligatures spelled out, everything that is not a
 * letter or digit turned into a hyphen, at most `slugMaxLength` characters, cut at a word boundary when it can be.
 */
export function slugifyTitle(title: string): string {
  const ascii = title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/gu, "ss")
    .replace(/æ/giu, "ae")
    .replace(/ø/giu, "o")
    .replace(/œ/giu, "oe")
    .replace(/ł/giu, "l")
    .replace(/đ/giu, "d")
    .toLowerCase();
  const words = ascii.replace(/[^a-z0-9]+/gu, "-").replace(/^-+|-+$/gu, "");
  if (words === "") return fallbackSlug;
  if (words.length <= slugMaxLength) return words;
  const cut = words.slice(0, slugMaxLength);
  const lastHyphen = cut.lastIndexOf("-");
  return lastHyphen > slugMaxLength / 2 ? cut.slice(0, lastHyphen) : cut.replace(/-+$/u, "");
}

/**
 * The first free slug for `base`: `base` itself, else `base-2`, `base-3`, … skipping those in `taken` (the slugs
 * already in use that start with `base`).
 */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let number = 2; ; number += 1) {
    const candidate = `${base}-${number}`;
    if (!taken.has(candidate)) return candidate;
  }
}

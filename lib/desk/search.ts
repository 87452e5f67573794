/**
 * The desk's text search, the part that runs in TypeScript: what someone typed, split into the words the
 * database matches (migration 20261203155022_fact_check_desk, `margin_search_query`). Pure; shared with tests.
 *
 * A word is a run of Unicode letters and digits (`\p{L}\p{N}`), lower-cased: punctuation, quotes, hyphens and
 * search syntax (`&`, `|`, `!`, `:*`) separate words and never reach `to_tsquery`, so nothing typed can break the
 * query. The database then unaccents each word and matches it as the prefix of a whole word ("wapen" finds
 * "wapens"), or by its Dutch or English stem; every word must match.
 */

/** At most this many words are searched for; the rest of a very long query is ignored (it only narrows). */
export const searchWordsMax = 10;
/** Longer words are cut to this many characters (still matched as a prefix, so nothing is lost). */
export const searchWordLengthMax = 64;

const wordPattern = /[\p{L}\p{N}]+/gu;

/**
 * The words of a search query, lower-cased, each once, in the order typed: at most `searchWordsMax`, each at most
 * `searchWordLengthMax` characters. An empty list means "no text search" (nothing but punctuation was typed).
 */
export function splitSearchWords(query: string): string[] {
  const words = new Set<string>();
  // NFC first, so a letter typed as base + combining mark ("g" + U+0306) is one letter ("ğ"), not a break.
  for (const [match] of query.normalize("NFC").matchAll(wordPattern)) {
    // Lower-casing can add combining marks ("İ" → "i̇"): keep only letters and digits of the result.
    const word = match.toLowerCase().normalize("NFC").replaceAll(/[^\p{L}\p{N}]/gu, "");
    if (word === "") continue;
    words.add([...word].slice(0, searchWordLengthMax).join(""));
    if (words.size === searchWordsMax) break;
  }
  return [...words];
}

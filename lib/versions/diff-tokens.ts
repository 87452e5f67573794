/**
 * The tokens a version comparison works on (lib/versions/diff.ts): words, runs of whitespace, and single other
 * characters (punctuation, symbols, an emoji with its modifiers). Pure; shared by the server and the browser.
 *
 * jsdiff's own word splitter cuts Cyrillic, Greek and other scripts outside Latin into single letters and an emoji
 * from its skin tone, so Margin splits the text itself: a word is a run of letters, marks and digits in any script
 * (with inner apostrophes: "zo’n", "l'homme"), except in scripts written without spaces (Chinese, Japanese, Thai…),
 * where each character is a token, as character-level diffs treat them.
 */

const unspacedScript = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}`;
const wordCharacter = String.raw`(?:(?![${unspacedScript}])[\p{L}\p{M}\p{N}])`;
const word = String.raw`${wordCharacter}+(?:['’]${wordCharacter}+)*`;
const emoji = String.raw`\p{Extended_Pictographic}(?:\p{M}|[\u{1F3FB}-\u{1F3FF}]|\u200D\p{Extended_Pictographic})*`;

const tokenPattern = new RegExp(String.raw`[${unspacedScript}]|${word}|\s+|\p{RI}\p{RI}|${emoji}|[\s\S]`, "gu");
/** Tokens are whole words, single characters of unspaced scripts, whitespace, or one other character: a word is the one that starts with a letter or digit. */
const wordStart = /^[\p{L}\p{N}]/u;
const whitespacePattern = /^\s+$/u;

/** The text cut into tokens; joined again they give the text back unchanged. */
export function tokenize(text: string): string[] {
  return text.match(tokenPattern) ?? [];
}

/** Whether a token is a word (what the summary counts), not whitespace or punctuation. */
export function isWordToken(token: string): boolean {
  return wordStart.test(token);
}

export function isWhitespace(text: string): boolean {
  return whitespacePattern.test(text);
}

/** How many words a stretch of text holds. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of tokenize(text)) if (isWordToken(token)) count += 1;
  return count;
}

/**
 * What a token is compared by: any run of whitespace is one space (a changed line break or a doubled space is not
 * an edit a reader can see), everything else in Unicode's composed form (é typed as e + ◌́ equals é).
 */
export function tokenKey(token: string): string {
  return isWhitespace(token) ? " " : token.normalize("NFC");
}

/** What a paragraph is compared by when paragraphs are aligned: its tokens' keys, outer whitespace dropped. */
export function paragraphKey(paragraph: string): string {
  return paragraph.normalize("NFC").replace(/\s+/gu, " ").trim();
}

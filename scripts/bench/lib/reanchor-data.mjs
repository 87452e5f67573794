/**
 * Data for `bench:reanchor`: claims spread over the seed article and a new version of it with an editor's
 * ordinary changes. Deterministic (a seeded generator), so runs compare.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { root } from "../../lib/project.mjs";

/** The seed article as a document's plain text (as lib/anchoring/testing/seed-article.ts derives it). */
export function loadSeedArticle() {
  const raw = readFileSync(path.join(root, "prisma/seed/articles/nagorno-karabach-2020-10.txt"), "utf8");
  return raw
    .replace(/^\s*date \d{4}-\d{2}\s+/u, "")
    .trim()
    .replace(/\r\n?/gu, "\n");
}

/** mulberry32: a small seeded generator in [0, 1). */
function createRandom(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` claim ranges (UTF-16) over `text`, the way people highlight: a run of 1–3 words (often a phrase
 * that recurs, such as "de regio"), a run of 4–11 words, a whole sentence, or two sentences (sometimes
 * across a paragraph break), starting anywhere in the text.
 */
export function sampleClaimRanges(text, count, seed = 18) {
  const random = createRandom(seed);
  const words = [...text.matchAll(/\S+/gu)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const sentences = [...text.matchAll(/[^.!?\n]+[.!?”]*/gu)]
    .map((match) => ({ start: match.index + (match[0].length - match[0].trimStart().length), end: match.index + match[0].trimEnd().length }))
    .filter((sentence) => sentence.end - sentence.start > 3);
  const ranges = [];
  for (let index = 0; index < count; index++) {
    const kind = random();
    if (kind < 0.5) {
      const length = kind < 0.2 ? 1 + Math.floor(random() * 3) : 4 + Math.floor(random() * 8);
      const first = Math.floor(random() * (words.length - length));
      ranges.push({ start: words[first].start, end: words[first + length - 1].end });
    } else {
      const span = kind < 0.85 ? 1 : 2;
      const first = Math.floor(random() * (sentences.length - span));
      ranges.push({ start: sentences[first].start, end: sentences[first + span - 1].end });
    }
  }
  return ranges;
}

function replaceOnce(text, needle, replacement) {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`Edit target not found: ${JSON.stringify(needle)}`);
  return text.slice(0, at) + replacement + text.slice(at + needle.length);
}

function moveParagraph(text, moved, before) {
  const paragraphs = text.split("\n\n");
  const from = paragraphs.findIndex((paragraph) => paragraph.startsWith(moved));
  const [paragraph] = paragraphs.splice(from, 1);
  const to = paragraphs.findIndex((candidate) => candidate.startsWith(before));
  if (from === -1 || to === -1) throw new Error(`Cannot move ${JSON.stringify(moved)} before ${JSON.stringify(before)}`);
  paragraphs.splice(to, 0, paragraph);
  return paragraphs.join("\n\n");
}

/** What the new version changes, in words (for the report). */
export const EDITS = [
  "an introduction paragraph added at the top (every offset shifts)",
  "the paragraph on the drones moved down, before \"Verdeel-en-heers\"",
  "the photo caption paragraph deleted",
  "a sentence deleted (\"Dit wordt door Ankara en Bakoe ontkend.\")",
  "words inserted in four sentences",
  "a word replaced in two sentences (\"bedreigt\" → \"ondermijnt\", \"lucratieve\" → \"lucratief gebleken\")",
  "a repeated phrase rewritten once (the 5th \"de regio\" → \"het gebied\")",
  "typographic quotes ‘…’ replaced by straight ones",
];

/** The new version of the article: {@link EDITS}, in that order. */
export function editArticle(text) {
  let edited = `Update 12 oktober: het bestand is opnieuw geschonden, meldt het Armeense ministerie van Defensie.\n\n${text}`;
  edited = moveParagraph(edited, "De drones hebben", "Verdeel-en-heers");
  edited = replaceOnce(edited, "Een vrouw loopt tussen de restanten van haar verwoeste flat, in het dorp Terter in Azerbeidzjan. Foto Bulent Kilic/ AFP\n\n", "");
  edited = replaceOnce(edited, " Dit wordt door Ankara en Bakoe ontkend.", "");
  edited = replaceOnce(edited, "Het bestand werd zaterdagochtend", "Het bestand werd officieel zaterdagochtend");
  edited = replaceOnce(edited, "President Alijev, die", "President Alijev, die volgens waarnemers");
  edited = replaceOnce(edited, "Turkije heeft op zijn beurt veel wapens", "Turkije heeft op zijn beurt de afgelopen jaren veel wapens");
  edited = replaceOnce(edited, "Kortom, een veelheid", "Kortom: een enorme veelheid");
  edited = replaceOnce(edited, "Het Turkse optreden bedreigt", "Het Turkse optreden ondermijnt");
  edited = replaceOnce(edited, "waarmee het lucratieve wapendeals", "waarmee het lucratief gebleken wapendeals");
  const regio = [...edited.matchAll(/de regio/gu)][4];
  edited = `${edited.slice(0, regio.index)}het gebied${edited.slice(regio.index + "de regio".length)}`;
  return edited.replace(/[‘’]/gu, "'");
}

/**
 * The two versions `npm run bench:diff` compares: a ~10,000-word article built from the seed article (its paragraphs
 * repeated, each round with other names, so no two paragraphs are the same), and a second version with edits spread
 * through it as an editor makes them: words replaced, inserted and deleted, punctuation corrected, a sentence added,
 * and now and then a paragraph added, removed or moved. Deterministic: the same seed gives the same texts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

import { root } from "../../lib/project.mjs";

/** The seed article (also in ../shared/articles/): `date 2020-10 ` and blank-line separated blocks. */
export const seedArticlePath = path.join(root, "prisma", "seed", "articles", "nagorno-karabach-2020-10.txt");

const datePrefix = /^date\s+(\d{4}-\d{2}(?:-\d{2})?)\s+/u;
const countWords = (text) => text.split(/\s+/u).filter(Boolean).length;

/** mulberry32: a small seeded PRNG, so every run edits the same places. */
function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** Names swapped round by round, so repeated paragraphs differ (as follow-up articles on one conflict would). */
const variations = [
  ["Rusland", ["Rusland", "Moskou", "het Kremlin"]],
  ["Turkije", ["Turkije", "Ankara", "de Turkse regering"]],
  ["Poetin", ["Poetin", "de Russische president", "Vladimir Poetin"]],
  ["Armenië", ["Armenië", "Jerevan", "de Armeense regering"]],
  ["Azerbeidzjan", ["Azerbeidzjan", "Bakoe", "de Azerbeidzjaanse regering"]],
];

function vary(block, round) {
  if (round === 0) return block;
  let text = block;
  for (const [name, options] of variations) text = text.replaceAll(name, options[round % options.length]);
  // Subheadings and captions stay short: a round number keeps them apart.
  return text.length < 80 ? `${text} ${round + 1}` : text;
}

/** The seed article's blocks, repeated with variations until they hold `words` words. */
export function buildLongArticle({ words = 10_000 } = {}) {
  const source = readFileSync(seedArticlePath, "utf8").replace(/\r\n?/gu, "\n").trim();
  const blocks = source.replace(datePrefix, "").split(/\n[ \t]*\n+/u).map((block) => block.replace(/\s*\n\s*/gu, " ").trim()).filter(Boolean);
  const result = [];
  let total = 0;
  for (let round = 0; total < words; round += 1) {
    for (const block of blocks) {
      const text = vary(block, round);
      result.push(text);
      total += countWords(text);
      if (total >= words) break;
    }
  }
  return result;
}

const insertions = ["volgens ingewijden", "naar verluidt", "al snel", "opnieuw", "volgens de VN", "in elk geval"];
const replacements = ["mogelijk", "tien", "enkele", "vooral", "duidelijk", "vrijwel"];
const addedSentences = ["Dit is later aangevuld.", "Een woordvoerder wilde niet reageren.", "De cijfers zijn niet onafhankelijk bevestigd."];

/**
 * A second version of `blocks` with edits spread through it. `rate` is the share of paragraphs that get a word-level
 * edit; about one paragraph in 60 is removed, one in 60 moved, one in 50 followed by a new one. Returns the blocks and a count of each kind of edit.
 */
export function editArticle(blocks, { seed = 18, rate = 0.15 } = {}) {
  const random = createRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const edits = { replaced: 0, inserted: 0, deleted: 0, punctuation: 0, sentenceAdded: 0, paragraphAdded: 0, paragraphRemoved: 0, paragraphMoved: 0 };
  const result = [];
  const moved = [];
  for (const block of blocks) {
    const roll = random();
    if (roll < 0.015) {
      edits.paragraphRemoved += 1;
      continue;
    }
    if (roll < 0.03) {
      edits.paragraphMoved += 1;
      moved.push(block);
      continue;
    }
    let text = block;
    if (roll < 0.03 + rate && countWords(block) > 12) {
      const words = block.split(" ");
      const at = 1 + Math.floor(random() * (words.length - 3));
      switch (Math.floor(random() * 5)) {
        case 0:
          words.splice(at, 1, pick(replacements));
          edits.replaced += 1;
          break;
        case 1:
          words.splice(at, 0, pick(insertions));
          edits.inserted += 1;
          break;
        case 2:
          words.splice(at, 1 + Math.floor(random() * 3));
          edits.deleted += 1;
          break;
        case 3:
          words[at] = `${words[at].replace(/[.,;:]$/u, "")},`;
          edits.punctuation += 1;
          break;
        default:
          words.push(pick(addedSentences));
          edits.sentenceAdded += 1;
      }
      text = words.join(" ");
    }
    result.push(text);
    if (roll > 0.98) {
      result.push(`Aanvulling: ${pick(addedSentences)} ${pick(addedSentences)}`);
      edits.paragraphAdded += 1;
    }
    // A paragraph taken out earlier comes back a few paragraphs further on.
    if (moved.length > 0 && random() < 0.2) result.push(moved.shift());
  }
  result.push(...moved);
  return { blocks: result, edits };
}

export { countWords };

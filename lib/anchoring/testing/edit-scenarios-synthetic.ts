// Edit scenarios on small made-up texts, where each case can be seen whole: repeated phrases, overlapping
// and nested claims, the edges of the text, astral characters.
import { findRange, replaceInText } from "./find-range";
import { deleteText, insertAfter, insertBefore, introOfLength, wrap, type EditScenario } from "./edit-scenario";

const TAX = "Het kabinet wil de belasting verlagen. De oppositie wil de belasting verhogen. Economen vinden de belasting nu al te hoog.";
const TAX_GAP = findRange(TAX, "de belasting", 1).start - findRange(TAX, "de belasting", 0).start;

const LIST = "Boodschappen:\n- brood\n- melk\n- kaas\n- melk\n- eieren";

/** A passage repeated three times word for word: each occurrence of a phrase in it has the same context. */
const CHORUS = "Dit is het refrein dat iedereen kent en dat de zaal keer op keer meezingt, luid en vals. ";
const SONG = `Couplet een.\n\n${CHORUS}${CHORUS}${CHORUS}\n\nSlot.`;

const EMOJI = "Feest 🎉 in de stad: de burgemeester opent de markt. Iedereen 👍🏽 is welkom.";

export const SYNTHETIC_SCENARIOS: EditScenario[] = [
  // Repeated phrases
  {
    name: "tax: the middle 'de belasting' wrapped in parentheses",
    original: TAX,
    edited: wrap(TAX, "de belasting", "(", ")", 1),
    claims: [0, 1, 2].map((occurrence) => ({ on: "de belasting", occurrence, expect: { state: "anchored" as const, occurrence } })),
  },
  {
    name: "tax: a word inserted on each side of the middle 'de belasting'",
    original: TAX,
    edited: replaceInText(TAX, "wil de belasting verhogen", "wil juist de belasting flink verhogen"),
    claims: [0, 1, 2].map((occurrence) => ({ on: "de belasting", occurrence, expect: { state: "anchored" as const, occurrence } })),
  },
  {
    name: "tax: a word on each side, and an introduction above",
    original: TAX,
    edited: `Een korte inleiding.\n\n${replaceInText(TAX, "wil de belasting verhogen", "wil juist de belasting flink verhogen")}`,
    claims: [{ on: "de belasting", occurrence: 1, expect: { state: "anchored", occurrence: 1 } }],
  },
  {
    name: "tax: an introduction puts the first 'de belasting' at the second's old position",
    original: TAX,
    edited: introOfLength(TAX_GAP) + TAX,
    claims: [0, 1, 2].map((occurrence) => ({ on: "de belasting", occurrence, expect: { state: "anchored" as const, occurrence } })),
  },
  {
    name: "tax: only the last 'de belasting' rewritten",
    original: TAX,
    edited: replaceInText(TAX, "de belasting", "de lasten", 2),
    claims: [
      { on: "de belasting", occurrence: 0, expect: { state: "anchored", occurrence: 0 } },
      { on: "de belasting", occurrence: 1, expect: { state: "anchored", occurrence: 1 } },
      { on: "de belasting", occurrence: 2, expect: { state: "changed", at: "de lasten" } },
    ],
  },
  {
    // The first "de belasting" now stands before the deleted sentence's successor (" verlagen. Economen
    // vinden" against a stored " verhogen. Economen vinden"): a look-alike, never trusted, only offered.
    name: "tax: the sentence with the middle 'de belasting' deleted: a doubtful guess, for a human",
    original: TAX,
    edited: deleteText(TAX, " De oppositie wil de belasting verhogen."),
    claims: [
      { on: "de belasting", occurrence: 1, expect: { state: "changed", at: "de belasting", occurrence: 0 } },
      { on: "de belasting", occurrence: 2, expect: { state: "anchored", occurrence: 1 } },
    ],
  },
  {
    name: "tax: the middle sentence copied just before itself",
    original: TAX,
    edited: insertBefore(TAX, "De oppositie wil", "De oppositie wil de belasting verhogen. "),
    claims: [{ on: "de belasting", occurrence: 2, expect: { state: "anchored", occurrence: 3 } }],
  },
  {
    name: "list: an item equal to a later one added at the top",
    original: LIST,
    edited: insertAfter(LIST, "Boodschappen:", "\n- melk"),
    claims: [
      { on: "melk", occurrence: 1, expect: { state: "anchored", occurrence: 2 } },
      { on: "melk", occurrence: 0, expect: { state: "anchored", occurrence: 1 } },
    ],
  },
  {
    name: "list: the claimed one of two equal items deleted",
    original: LIST,
    edited: deleteText(LIST, "\n- melk", 1),
    claims: [{ on: "melk", occurrence: 1, expect: { state: "changed", at: "melk" } }],
  },
  {
    name: "song: a passage repeated word for word, text added above: a human decides",
    original: SONG,
    edited: `Intro.\n\n${SONG}`,
    claims: [{ on: "de zaal", occurrence: 1, expect: { state: "changed", at: "de zaal", occurrence: 1 } }],
  },
  // Overlapping and nested claims
  {
    name: "overlapping pair: an edit inside the overlap changes both",
    original: TAX,
    edited: replaceInText(TAX, "De oppositie", "De voltallige oppositie"),
    claims: [
      { on: "verlagen. De oppositie", expect: { state: "changed", at: "verlagen. De voltallige oppositie" } },
      { on: "De oppositie wil de belasting", expect: { state: "changed", at: "De voltallige oppositie wil de belasting" } },
    ],
  },
  {
    name: "overlapping pair: an edit in one claim's own part changes only that one",
    original: TAX,
    edited: replaceInText(TAX, "De oppositie wil de belasting", "De oppositie eist de belasting"),
    claims: [
      { on: "verlagen. De oppositie", expect: { state: "anchored" } },
      { on: "De oppositie wil de belasting", expect: { state: "changed", at: "De oppositie eist de belasting" } },
    ],
  },
  {
    name: "nested claims: an edit inside the inner one changes both",
    original: TAX,
    edited: replaceInText(TAX, "de belasting verhogen", "de belasting fors verhogen"),
    claims: [
      { on: "De oppositie wil de belasting verhogen.", expect: { state: "changed", at: "De oppositie wil de belasting fors verhogen." } },
      { on: "de belasting verhogen", expect: { state: "changed", at: "de belasting fors verhogen" } },
      { on: "De oppositie", expect: { state: "anchored" } },
    ],
  },
  // Edges of the text
  {
    name: "the first word, with text inserted before it",
    original: TAX,
    edited: `Nieuws. ${TAX}`,
    claims: [{ on: "Het kabinet", expect: { state: "anchored" } }],
  },
  {
    name: "the last character, with text appended",
    original: TAX,
    edited: `${TAX} Wordt vervolgd.`,
    claims: [{ on: "te hoog.", expect: { state: "anchored" } }],
  },
  {
    name: "the whole text, edited in the middle",
    original: TAX,
    edited: replaceInText(TAX, "De oppositie", "De hele oppositie"),
    claims: [{ on: TAX, expect: { state: "changed", at: replaceInText(TAX, "De oppositie", "De hele oppositie") } }],
  },
  {
    name: "the text emptied",
    original: TAX,
    edited: "",
    claims: [{ on: "de belasting verlagen", expect: { state: "orphaned" } }],
  },
  // Wording
  {
    name: "the claim rewritten beyond recognition",
    original: TAX,
    edited: replaceInText(TAX, "De oppositie wil de belasting verhogen.", "De oppositie zwijgt."),
    claims: [{ on: "wil de belasting verhogen", expect: { state: "orphaned" } }],
  },
  {
    name: "a synonym in a short claim",
    original: TAX,
    edited: replaceInText(TAX, "de belasting verhogen", "de belasting optrekken"),
    claims: [{ on: "de belasting verhogen", expect: { state: "changed", at: "de belasting optrekken" } }],
  },
  {
    name: "a typo fixed inside the claim",
    original: TAX.replace("verlagen", "verlagne"),
    edited: TAX,
    claims: [{ on: "de belasting verlagne", expect: { state: "changed", at: "de belasting verlagen" } }],
  },
  {
    name: "a capital letter lowered inside the claim",
    original: TAX,
    edited: replaceInText(TAX, ". De oppositie", ". de oppositie"),
    claims: [{ on: "De oppositie wil", expect: { state: "changed", at: "de oppositie wil" } }],
  },
  {
    name: "edits far before and far after the claim",
    original: TAX,
    edited: `${replaceInText(TAX, "Het kabinet", "Het nieuwe kabinet")} Aldus de krant.`,
    claims: [{ on: "De oppositie wil de belasting verhogen.", expect: { state: "anchored" } }],
  },
  // Whitespace
  {
    name: "a double space beside the claim",
    original: TAX,
    edited: replaceInText(TAX, "wil de belasting verlagen", "wil  de belasting verlagen"),
    claims: [{ on: "de belasting verlagen", expect: { state: "anchored" } }],
  },
  {
    name: "a tab instead of a space beside the claim",
    original: TAX,
    edited: replaceInText(TAX, "vinden de belasting", "vinden\tde belasting"),
    claims: [{ on: "de belasting nu al te hoog", expect: { state: "anchored" } }],
  },
  {
    name: "hard line breaks instead of spaces around the claim",
    original: TAX,
    edited: TAX.replace("verlagen. De", "verlagen.\nDe").replace("verhogen. Economen", "verhogen.\nEconomen"),
    claims: [
      { on: "De oppositie wil de belasting verhogen.", expect: { state: "anchored" } },
      { on: "verlagen. De oppositie", expect: { state: "changed", at: "verlagen.\nDe oppositie" } },
    ],
  },
  {
    name: "two paragraphs merged: a claim across the old break",
    original: "Eerste alinea eindigt hier.\n\nTweede alinea begint hier.",
    edited: "Eerste alinea eindigt hier. Tweede alinea begint hier.",
    claims: [
      { on: "hier.\n\nTweede", expect: { state: "changed", at: "hier. Tweede" } },
      { on: "Tweede alinea", expect: { state: "anchored" } },
    ],
  },
  // Astral characters (two UTF-16 units each)
  {
    name: "an emoji inserted before the claim",
    original: EMOJI,
    edited: `🚀 ${EMOJI}`,
    claims: [{ on: "de burgemeester", expect: { state: "anchored" } }, { on: "👍🏽 is welkom", expect: { state: "anchored" } }],
  },
  {
    name: "an emoji inserted inside the claim",
    original: EMOJI,
    edited: replaceInText(EMOJI, "opent de markt", "opent 🎈 de markt"),
    claims: [{ on: "de burgemeester opent de markt", expect: { state: "changed", at: "de burgemeester opent 🎈 de markt" } }],
  },
];

import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { importArticleText } from "@/lib/documents/article-import";
import { diffTexts, type DiffParagraph, type TextDiff } from "@/lib/versions/diff";
import { countWords, tokenize } from "@/lib/versions/diff-tokens";

/** A paragraph as a line: changes as [-deleted-] and {+inserted+}, whole paragraphs with a leading − or +. */
function describeParagraph(paragraph: DiffParagraph): string {
  switch (paragraph.kind) {
    case "equal":
      return `= ${paragraph.text}`;
    case "changed":
      return `~ ${paragraph.segments
        .map((segment) => (segment.kind === "equal" ? segment.text : segment.kind === "delete" ? `[-${segment.text}-]` : `{+${segment.text}+}`))
        .join("")}`;
    case "deleted":
      return `− ${paragraph.text}${paragraph.movedTo === null ? "" : ` (moved to ${paragraph.movedTo})`}`;
    case "inserted":
      return `+ ${paragraph.text}${paragraph.movedFrom === null ? "" : ` (moved from ${paragraph.movedFrom})`}`;
  }
}

const describeDiff = (diff: TextDiff) => diff.paragraphs.map(describeParagraph);
const text = (...paragraphs: string[]) => paragraphs.join("\n\n");

/** The older and newer text rebuilt from the diff, paragraph by paragraph. */
function rebuild(diff: TextDiff): { before: string[]; after: string[] } {
  const before: string[] = [];
  const after: string[] = [];
  for (const paragraph of diff.paragraphs) {
    if (paragraph.kind === "equal") {
      before.push(paragraph.text);
      after.push(paragraph.text);
    } else if (paragraph.kind === "deleted") before.push(paragraph.text);
    else if (paragraph.kind === "inserted") after.push(paragraph.text);
    else {
      before.push(paragraph.segments.filter((segment) => segment.kind !== "insert").map((segment) => segment.text).join(""));
      after.push(paragraph.segments.filter((segment) => segment.kind !== "delete").map((segment) => segment.text).join(""));
    }
  }
  return { before, after };
}

describe("diffTexts", () => {
  const cases: { name: string; before: string; after: string; expected: string[]; stats?: Partial<TextDiff["stats"]> }[] = [
    {
      name: "no change",
      before: text("Rusland sloot een bestand.", "Turkije niet."),
      after: text("Rusland sloot een bestand.", "Turkije niet."),
      expected: ["= Rusland sloot een bestand.", "= Turkije niet."],
      stats: { wordsAdded: 0, wordsRemoved: 0, paragraphsChanged: 0, changes: 0 },
    },
    {
      name: "a word inserted",
      before: "Het is zo.",
      after: "Het is niet zo.",
      expected: ["~ Het is {+niet +}zo."],
      stats: { wordsAdded: 1, wordsRemoved: 0, paragraphsChanged: 1, changes: 1 },
    },
    {
      name: "words deleted",
      before: "Rusland wil bovenal rust in de regio.",
      after: "Rusland wil rust in de regio.",
      expected: ["~ Rusland wil [-bovenal -]rust in de regio."],
      stats: { wordsAdded: 0, wordsRemoved: 1 },
    },
    {
      name: "a word replaced",
      before: "Het bestand hield twaalf uur stand.",
      after: "Het bestand hield acht uur stand.",
      expected: ["~ Het bestand hield [-twaalf-]{+acht+} uur stand."],
      stats: { wordsAdded: 1, wordsRemoved: 1 },
    },
    {
      name: "two neighbouring words replaced as one change, the space between them folded in",
      before: "the quick brown fox",
      after: "a slow brown fox",
      expected: ["~ [-the quick-]{+a slow+} brown fox"],
      stats: { wordsAdded: 2, wordsRemoved: 2 },
    },
    {
      name: "a paragraph added",
      before: text("Eerste alinea.", "Derde alinea."),
      after: text("Eerste alinea.", "Een nieuwe tweede alinea over iets anders.", "Derde alinea."),
      expected: ["= Eerste alinea.", "+ Een nieuwe tweede alinea over iets anders.", "= Derde alinea."],
      stats: { wordsAdded: 7, wordsRemoved: 0, paragraphsChanged: 1, changes: 1 },
    },
    {
      name: "a paragraph removed",
      before: text("Eerste alinea.", "Deze alinea verdwijnt helemaal.", "Derde alinea."),
      after: text("Eerste alinea.", "Derde alinea."),
      expected: ["= Eerste alinea.", "− Deze alinea verdwijnt helemaal.", "= Derde alinea."],
      stats: { wordsAdded: 0, wordsRemoved: 4, paragraphsChanged: 1 },
    },
    {
      name: "a paragraph moved: marked at both ends, no words counted",
      before: text("Een.", "Twee staat hier eerst.", "Drie.", "Vier."),
      after: text("Een.", "Drie.", "Vier.", "Twee staat hier eerst."),
      expected: ["= Een.", "− Twee staat hier eerst. (moved to 3)", "= Drie.", "= Vier.", "+ Twee staat hier eerst. (moved from 1)"],
      stats: { wordsAdded: 0, wordsRemoved: 0, paragraphsChanged: 0, paragraphsMoved: 1, changes: 2 },
    },
    {
      name: "an edited paragraph beside a new one: the edit is paired with its paragraph, the new one inserted",
      before: text("Rusland sloot zaterdag een bestand tussen Armenië en Azerbeidzjan.", "Slot."),
      after: text("Een heel nieuwe inleiding.", "Rusland sloot vrijdag een bestand tussen Armenië en Azerbeidzjan.", "Slot."),
      expected: ["+ Een heel nieuwe inleiding.", "~ Rusland sloot [-zaterdag-]{+vrijdag+} een bestand tussen Armenië en Azerbeidzjan.", "= Slot."],
      stats: { wordsAdded: 5, wordsRemoved: 1, paragraphsChanged: 2, changes: 2 },
    },
    {
      name: "a paragraph rewritten completely: deleted and inserted, not paired",
      before: text("Begin.", "Het Kremlin zweeg over de gevechten.", "Eind."),
      after: text("Begin.", "Ankara stuurde drones naar het front.", "Eind."),
      expected: ["= Begin.", "− Het Kremlin zweeg over de gevechten.", "+ Ankara stuurde drones naar het front.", "= Eind."],
    },
    {
      name: "whitespace-only changes are no change",
      before: "Het  bestand hield\tstand.",
      after: "Het bestand hield stand.",
      expected: ["= Het bestand hield stand."],
      stats: { changes: 0 },
    },
    {
      name: "whitespace beside a real edit keeps the newer spacing",
      before: "Het  bestand hield stand.",
      after: "Het bestand hield geen stand.",
      expected: ["~ Het bestand hield {+geen +}stand."],
    },
    {
      name: "punctuation changed",
      before: "Armenië en Azerbeidzjan.",
      after: "Armenië, en Azerbeidzjan!",
      expected: ["~ Armenië{+,+} en Azerbeidzjan[-.-]{+!+}"],
      stats: { wordsAdded: 0, wordsRemoved: 0, paragraphsChanged: 1 },
    },
    {
      name: "quotes changed around a word",
      before: "de ‘doorbraak’ van het Kremlin",
      after: "de \u201cdoorbraak\u201d van het Kremlin",
      expected: ["~ de [-‘-]{+\u201c+}doorbraak[-’-]{+\u201d+} van het Kremlin"],
    },
    {
      name: "Cyrillic words change whole, not letter by letter",
      before: "Москва и Киев",
      after: "Москва и Минск",
      expected: ["~ Москва и [-Киев-]{+Минск+}"],
      stats: { wordsAdded: 1, wordsRemoved: 1 },
    },
    {
      name: "Japanese changes character by character",
      before: "東京は晴れ",
      after: "東京は雨",
      expected: ["~ 東京は[-晴れ-]{+雨+}"],
    },
    {
      name: "an emoji's skin tone changes the whole emoji",
      before: "Erdoğan 👍🏽 zei",
      after: "Erdoğan 👍🏾 zei",
      expected: ["~ Erdoğan [-👍🏽-]{+👍🏾+} zei"],
    },
    {
      name: "a decomposed é equals the composed one",
      before: "Zij zei: \u0065\u0301\u00e9n keer.",
      after: "Zij zei: \u00e9\u00e9n keer.",
      expected: ["= Zij zei: \u00e9\u00e9n keer."],
    },
    {
      name: "words with an apostrophe stay whole",
      before: "Dat is zo’n verhaal.",
      after: "Dat is zo’n bericht.",
      expected: ["~ Dat is zo’n [-verhaal-]{+bericht+}."],
    },
    {
      name: "empty paragraphs are left out",
      before: text("Een.", "", "Twee."),
      after: text("Een.", "Twee."),
      expected: ["= Een.", "= Twee."],
    },
    {
      name: "from nothing",
      before: "",
      after: "Alles is nieuw.",
      expected: ["+ Alles is nieuw."],
      stats: { wordsAdded: 3 },
    },
  ];

  it.each(cases)("$name", ({ before, after, expected, stats }) => {
    const diff = diffTexts(before, after);
    expect(describeDiff(diff)).toEqual(expected);
    if (stats) expect(diff.stats).toMatchObject(stats);
    expect(diff.isComplete).toBe(true);
  });

  it("gives back both texts, paragraph by paragraph, on the seed article with edits spread through it", () => {
    const seed = importArticleText(readFileSync("prisma/seed/articles/nagorno-karabach-2020-10.txt", "utf8")).text;
    const paragraphs = seed.split("\n\n");
    const edited = paragraphs
      .flatMap((paragraph, index) => {
        if (index % 7 === 1) return [paragraph.replace(/\bRusland\b/u, "het Kremlin")];
        if (index % 7 === 3) return [paragraph, "Correctie: een eerdere versie noemde de verkeerde datum."];
        if (index % 7 === 5) return [];
        if (index % 7 === 6) return [paragraph.replace(/\.$/u, "!")];
        return [paragraph];
      })
      .join("\n\n");
    const diff = diffTexts(seed, edited);
    const { before, after } = rebuild(diff);
    expect(before).toEqual(paragraphs);
    expect(after).toEqual(edited.split("\n\n"));
    expect(diff.stats.changes).toBeGreaterThan(5);
    expect(diff.paragraphs.filter((paragraph) => paragraph.kind === "equal").length).toBeGreaterThan(paragraphs.length / 3);
  });

  it("shows texts too different for its time budget as whole paragraphs replaced, and says so", () => {
    const words = (seed: number) => Array.from({ length: 4_000 }, (_, index) => `w${(index * seed) % 997}`).join(" ");
    const diff = diffTexts(words(7), words(13), { budgetMs: 0 });
    expect(diff.isComplete).toBe(false);
    expect(describeDiff(diff).map((line) => line[0])).toEqual(["−", "+"]);
    expect(diff.stats).toMatchObject({ wordsRemoved: 4_000, wordsAdded: 4_000 });
  });
});

describe("tokenize and countWords", () => {
  it("gives the text back when joined", () => {
    for (const sample of ["Nagorno-Karabach, ‘doorbraak’!", "🇳🇱 👨‍👩‍👧 e\u0301", "  tabs\tand\nlines  "]) expect(tokenize(sample).join("")).toBe(sample);
  });

  it("counts words, not spaces or punctuation", () => {
    expect(countWords("Het is — zo’n 12-tal, toch?")).toBe(6);
    expect(countWords(" . , ")).toBe(0);
  });
});

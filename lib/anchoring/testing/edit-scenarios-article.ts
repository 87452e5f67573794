// Edit scenarios on the seed article (NRC, Nagorno-Karabach, October 2020): an editor's ordinary changes.
import { findRange, replaceInText } from "./find-range";
import {
  deleteText,
  insertAfter,
  insertBefore,
  introOfLength,
  moveParagraph,
  wrap,
  type EditScenario,
} from "./edit-scenario";
import { SEED_ARTICLE as A } from "./seed-article";

const INTRO = "Een update van 12 oktober: het bestand is opnieuw geschonden.\n\n";
const TOONT = "Het toont dat Rusland zijn greep op de regio dreigt te verliezen.";
const OPTREDEN = "Het Turkse optreden bedreigt de Russische machtspositie in de regio.";
const CAPTION = "Een vrouw loopt tussen de restanten van haar verwoeste flat, in het dorp Terter in Azerbeidzjan. Foto Bulent Kilic/ AFP";

/** Distance from the 3rd to the 4th "de regio": an intro this long puts the 3rd where the 4th was. */
const REGIO_GAP = findRange(A, "de regio", 3).start - findRange(A, "de regio", 2).start;

export const ARTICLE_SCENARIOS: EditScenario[] = [
  // Insertions before a claim
  {
    name: "a paragraph added above everything",
    original: A,
    edited: INTRO + A,
    claims: [
      { on: "‘doorbraak’", expect: { state: "anchored" } },
      { on: "Even leek", expect: { state: "anchored" } },
      { on: "tafel.”", expect: { state: "anchored" } },
    ],
  },
  {
    name: "words inserted earlier in the claim's sentence",
    original: A,
    edited: replaceInText(A, "Even leek Rusland", "Even leek het erop dat Rusland"),
    claims: [{ on: "een wapenstilstand te bewerkstelligen", expect: { state: "anchored" } }],
  },
  {
    name: "a sentence inserted right before the claim",
    original: A,
    edited: insertBefore(A, TOONT, "Dat is opmerkelijk. "),
    claims: [{ on: TOONT, expect: { state: "anchored" } }],
  },
  {
    name: "a sentence deleted before the claim",
    original: A,
    edited: deleteText(A, "Zaterdagnacht, amper twaalf uur na de aankondiging, waren er alweer bombardementen over en weer. "),
    claims: [{ on: TOONT, expect: { state: "anchored" } }],
  },
  // Insertions inside a claim
  {
    name: "a word inserted inside the claim",
    original: A,
    edited: replaceInText(A, "Het bestand werd zaterdagochtend", "Het bestand werd officieel zaterdagochtend"),
    claims: [
      {
        on: "Het bestand werd zaterdagochtend door de presidenten van beide landen aangekondigd.",
        expect: { state: "changed", at: "Het bestand werd officieel zaterdagochtend door de presidenten van beide landen aangekondigd." },
      },
    ],
  },
  {
    name: "a clause inserted inside a long claim",
    original: A,
    edited: replaceInText(A, "Rusland heeft ook geen troepen op de grond", "Rusland heeft, anders dan vroeger, ook geen troepen op de grond"),
    claims: [
      {
        on: "Rusland heeft ook geen troepen op de grond als tegenwicht tegen de Turken, zoals in Syrië en Libië.",
        expect: { state: "changed", at: "Rusland heeft, anders dan vroeger, ook geen troepen op de grond als tegenwicht tegen de Turken, zoals in Syrië en Libië." },
      },
    ],
  },
  // Insertions after a claim
  {
    name: "words inserted right after the claim",
    original: A,
    edited: insertAfter(A, "collega Lavrov", ", zelf een ervaren diplomaat,"),
    claims: [{ on: "collega Lavrov", expect: { state: "anchored" } }],
  },
  {
    name: "a paragraph added at the end, after the last sentence's claim",
    original: A,
    edited: `${A}\n\nDit artikel is bijgewerkt.`,
    claims: [{ on: "„Maar wel eentje die op het slagveld wordt bepaald in plaats van aan de onderhandelingstafel.”", expect: { state: "anchored" } }],
  },
  // Deletions
  {
    name: "the claim's sentence deleted",
    original: A,
    edited: deleteText(A, " Dit wordt door Ankara en Bakoe ontkend."),
    claims: [
      { on: "Dit wordt door Ankara en Bakoe ontkend.", expect: { state: "orphaned" } },
      { on: "huurlingen", expect: { state: "anchored" } },
    ],
  },
  {
    name: "a sentence in the middle of a paragraph deleted",
    original: A,
    edited: deleteText(A, "De Azerbeidzjanen hadden er weinig belang bij om de strijd te staken. "),
    claims: [
      { on: "De Azerbeidzjanen hadden er weinig belang bij", expect: { state: "orphaned" } },
      { on: "Maar zaterdagnacht sneuvelde het bestand alweer.", expect: { state: "anchored" } },
      { on: "President Alijev", expect: { state: "anchored" } },
    ],
  },
  {
    name: "a clause deleted, the sentence around it kept",
    original: A,
    edited: deleteText(A, ", die niet veel later werden ingezet boven Nagorno-Karabach"),
    claims: [
      { on: "die niet veel later werden ingezet", expect: { state: "orphaned" } },
      { on: "de eerste Turkse drones", expect: { state: "anchored" } },
    ],
  },
  {
    name: "a name mentioned once deleted",
    original: A,
    edited: deleteText(A, "Aleksandr Baoenov "),
    claims: [
      { on: "Aleksandr Baoenov", expect: { state: "orphaned" } },
      { on: "Carnegie Centre", expect: { state: "anchored" } },
    ],
  },
  {
    name: "part of the claim deleted",
    original: A,
    edited: replaceInText(A, OPTREDEN, "Het Turkse optreden bedreigt de machtspositie in de regio."),
    claims: [{ on: OPTREDEN, expect: { state: "changed", at: "Het Turkse optreden bedreigt de machtspositie in de regio." } }],
  },
  {
    name: "the context after the claim deleted",
    original: A,
    edited: deleteText(A, " Maar veel opties heeft hij niet."),
    claims: [{ on: "Poetin moet iets doen om zijn greep op de regio te behouden.", expect: { state: "anchored" } }],
  },
  {
    name: "a whole paragraph deleted: its claims orphaned, the others kept",
    original: A,
    edited: deleteText(A, `${CAPTION}\n\n`),
    claims: [
      { on: "haar verwoeste flat", expect: { state: "orphaned" } },
      { on: "geopolitiek vacuüm", expect: { state: "anchored" } },
      { on: "hegemonie", expect: { state: "anchored" } },
    ],
  },
  // Paragraph moves
  {
    name: "the photo caption moved to the top",
    original: A,
    edited: moveParagraph(A, "Een vrouw loopt", "Even leek"),
    claims: [
      { on: CAPTION, expect: { state: "anchored" } },
      { on: "verwoeste flat", expect: { state: "anchored" } },
      { on: "Even leek Rusland", expect: { state: "anchored" } },
    ],
  },
  {
    name: "a paragraph moved down: a claim at its start, one in its middle",
    original: A,
    edited: moveParagraph(A, "De drones hebben", "Verdeel-en-heers"),
    claims: [
      { on: "De drones hebben de dynamiek van het conflict veranderd.", expect: { state: "anchored" } },
      { on: "het bergachtige terrein", expect: { state: "anchored" } },
      { on: "Weinig opties", expect: { state: "anchored" } },
    ],
  },
  {
    // The claim's text across the break is gone; most of it survives after another paragraph's end.
    name: "two paragraphs swapped: a claim across their break is changed to what survives of it",
    original: A,
    edited: moveParagraph(A, "Maar zaterdagnacht sneuvelde", "Op initiatief van president"),
    claims: [
      {
        on: "gesneuvelden.\n\nMaar zaterdagnacht sneuvelde het bestand alweer.",
        expect: { state: "changed", at: " van Rusland.\n\nMaar zaterdagnacht sneuvelde het bestand alweer." },
      },
      { on: "Maar zaterdagnacht sneuvelde het bestand alweer.", expect: { state: "anchored" } },
    ],
  },
  {
    name: "a subheading moved together with its section",
    original: A,
    edited: moveParagraph(moveParagraph(A, "Het Turkse optreden", "Op initiatief van"), "Weinig opties", "Het Turkse optreden"),
    claims: [
      { on: "Weinig opties", expect: { state: "anchored" } },
      { on: OPTREDEN, expect: { state: "anchored" } },
    ],
  },
  {
    name: "a paragraph split in two",
    original: A,
    edited: replaceInText(A, "Maar veel opties heeft hij niet. ", "Maar veel opties heeft hij niet.\n\n"),
    claims: [
      { on: "Poetin moet iets doen", expect: { state: "anchored" } },
      { on: "Hoewel Rusland een militair pact heeft met Armenië", expect: { state: "anchored" } },
      { on: "heeft hij niet. Hoewel Rusland", expect: { state: "changed", at: "heeft hij niet.\n\nHoewel Rusland" } },
    ],
  },
  {
    // Both copies have the same words around the claim: the old position picks one, and a human confirms.
    name: "a paragraph pasted twice: a claim inside it is changed, not silently placed",
    original: A,
    edited: replaceInText(A, "Weinig opties\n\n", `${CAPTION}\n\nWeinig opties\n\n`),
    claims: [
      { on: "haar verwoeste flat", expect: { state: "changed", at: "haar verwoeste flat", occurrence: 1 } },
      { on: "Weinig opties", expect: { state: "anchored" } },
    ],
  },
  {
    name: "a typo fixed just after the claim",
    original: A,
    edited: replaceInText(A, "buiten te deur", "buiten de deur"),
    claims: [{ on: "andere machtsblokken", expect: { state: "anchored" } }],
  },
  // Whitespace and punctuation
  {
    name: "blank lines between paragraphs became single line breaks",
    original: A,
    edited: A.replaceAll("\n\n", "\n"),
    claims: [
      { on: "Kortom, een veelheid aan petten", expect: { state: "anchored" } },
      { on: "ontkend.\n\nWeinig opties", expect: { state: "changed", at: "ontkend.\nWeinig opties" } },
    ],
  },
  {
    name: "a double space typed inside the claim",
    original: A,
    edited: replaceInText(A, "een geopolitiek vacuüm", "een geopolitiek  vacuüm"),
    claims: [{ on: "een geopolitiek vacuüm", expect: { state: "changed", at: "een geopolitiek  vacuüm" } }],
  },
  {
    name: "typographic quotes replaced by straight ones",
    original: A,
    edited: A.replace(/[‘’]/g, "'"),
    claims: [
      { on: "‘doorbraak’", expect: { state: "changed", at: "'doorbraak'" } },
      { on: "van het Kremlin", expect: { state: "anchored" } },
    ],
  },
  {
    name: "the claim's full stop became an exclamation mark",
    original: A,
    edited: replaceInText(A, "Maar veel opties heeft hij niet.", "Maar veel opties heeft hij niet!"),
    claims: [{ on: "Maar veel opties heeft hij niet.", expect: { state: "changed", at: "Maar veel opties heeft hij niet!" } }],
  },
  {
    name: "punctuation beside the claim changed",
    original: A,
    edited: replaceInText(A, "explosieve regio, was van korte duur.", "explosieve regio; was van korte duur!"),
    claims: [{ on: "was van korte duur", expect: { state: "anchored" } }],
  },
  // Repeated phrases
  {
    name: "one 'de regio' of seven rewritten: the claim on another stays put",
    original: A,
    edited: replaceInText(A, "de regio", "het gebied", 1),
    claims: [
      { on: "de regio", occurrence: 3, expect: { state: "anchored", occurrence: 2 } },
      { on: "de regio", occurrence: 0, expect: { state: "anchored", occurrence: 0 } },
    ],
  },
  {
    // Its context is still there on both sides: this is its place, and what it says there now is shown.
    name: "the claimed 'de regio' rewritten: changed in place, not moved to another 'de regio'",
    original: A,
    edited: replaceInText(A, "de regio", "het gebied", 3),
    claims: [{ on: "de regio", occurrence: 3, expect: { state: "changed", at: "het gebied" } }],
  },
  {
    name: "a repeated phrase wrapped in parentheses",
    original: A,
    edited: wrap(A, "Nagorno-Karabach", "(", ")", 2),
    claims: [
      { on: "Nagorno-Karabach", occurrence: 2, expect: { state: "anchored", occurrence: 2 } },
      { on: "Nagorno-Karabach", occurrence: 3, expect: { state: "anchored", occurrence: 3 } },
    ],
  },
  {
    name: "a word inserted on each side of a repeated phrase",
    original: A,
    edited: replaceInText(A, "de Russische machtspositie", "vooral de Russische machtspositie zelf"),
    claims: [{ on: "de Russische", occurrence: 0, expect: { state: "anchored", occurrence: 0 } }],
  },
  {
    name: "an intro above puts another 'de regio' exactly at the claim's old position",
    original: A,
    edited: introOfLength(REGIO_GAP) + A,
    claims: [{ on: "de regio", occurrence: 3, expect: { state: "anchored", occurrence: 3 } }],
  },
];

// Test support: edit scenarios as data. A scenario is an original text, claims on it, an edited text and, for
// each claim, where it must end up. Needles and occurrence numbers keep the tables readable.
import { findRange, replaceInText } from "./find-range";

/** Where a claim must land in the edited text: `at` (its `occurrence`-th appearance, 0-based). */
export type ExpectedPlace =
  | { state: "anchored"; at?: string; occurrence?: number }
  | { state: "changed"; at: string; occurrence?: number }
  | { state: "orphaned" };

export interface ScenarioClaim {
  /** The claim's text in the original, and which appearance of it (0-based). */
  on: string;
  occurrence?: number;
  /** `anchored` without `at`: the same text, its `occurrence`-th appearance in the edited text. */
  expect: ExpectedPlace;
}

export interface EditScenario {
  name: string;
  original: string;
  edited: string;
  claims: ScenarioClaim[];
}

/** Inserts `insertion` just before the `occurrence`-th appearance of `needle`. */
export function insertBefore(text: string, needle: string, insertion: string, occurrence = 0): string {
  const { start } = findRange(text, needle, occurrence);
  return text.slice(0, start) + insertion + text.slice(start);
}

/** Inserts `insertion` just after the `occurrence`-th appearance of `needle`. */
export function insertAfter(text: string, needle: string, insertion: string, occurrence = 0): string {
  const { end } = findRange(text, needle, occurrence);
  return text.slice(0, end) + insertion + text.slice(end);
}

/** Deletes the `occurrence`-th appearance of `needle`. */
export function deleteText(text: string, needle: string, occurrence = 0): string {
  return replaceInText(text, needle, "", occurrence);
}

/** Wraps the `occurrence`-th appearance of `needle` in `open` … `close`. */
export function wrap(text: string, needle: string, open: string, close: string, occurrence = 0): string {
  return replaceInText(text, needle, `${open}${needle}${close}`, occurrence);
}

/** The paragraphs of a text (separated by blank lines). */
export function paragraphs(text: string): string[] {
  return text.split("\n\n");
}

/** Moves the paragraph starting with `moved` to just before the paragraph starting with `before`. */
export function moveParagraph(text: string, moved: string, before: string): string {
  const all = paragraphs(text);
  const from = all.findIndex((paragraph) => paragraph.startsWith(moved));
  if (from === -1) throw new Error(`No paragraph starts with ${JSON.stringify(moved)}`);
  const [paragraph] = all.splice(from, 1);
  const to = all.findIndex((candidate) => candidate.startsWith(before));
  if (to === -1) throw new Error(`No paragraph starts with ${JSON.stringify(before)}`);
  all.splice(to, 0, paragraph!);
  return all.join("\n\n");
}

/**
 * An introduction of exactly `length` characters (a sentence, cut to size and ending in a paragraph break),
 * to shift everything after it by a chosen amount.
 */
export function introOfLength(length: number): string {
  if (length < 3) throw new Error("An introduction needs at least 3 characters");
  const words = "Dit stuk gaat over geld, over macht en over wie de rekening betaalt ".repeat(
    Math.ceil(length / 60),
  );
  return `${words.slice(0, length - 3).trimEnd().padEnd(length - 3, "-")}.\n\n`;
}

/** The range a claim must land on in the edited text. */
export function expectedRange(scenario: EditScenario, claim: ScenarioClaim) {
  const { expect } = claim;
  if (expect.state === "orphaned") return undefined;
  if (expect.at !== undefined) return findRange(scenario.edited, expect.at, expect.occurrence ?? 0);
  return findRange(scenario.edited, claim.on, expect.occurrence ?? claim.occurrence ?? 0);
}

/**
 * The one rule for text people send: every string an input schema accepts (names, titles, comments, reasons,
 * quotes, codes, emails, passwords) starts from `userText`, so a character PostgreSQL cannot store, or one that
 * does not belong in a field, is a 422 naming that field — never a database error (500). Pure; shared with the
 * browser.
 *
 * What it refuses:
 * - control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). PostgreSQL rejects NUL (U+0000) in
 *   text outright; the others are invisible in a name and let two names that look alike differ. Multi-line
 *   fields (comments, reasons, article text, quotes) keep tab, line feed and carriage return.
 * - lone UTF-16 surrogates (e.g. "\ud800" in JSON): not Unicode text, and they cannot be encoded as UTF-8.
 *
 * Refused, not normalised: silently dropping characters would store something the person did not send (two
 * tag names that differ only by a NUL would collide, a quote would stop matching its text), and would hide a
 * client's bug from it. A 422 with the field's path says exactly what to fix.
 */
import { z } from "zod";

import { validationMessage, type FieldLabelKey } from "@/lib/validation/messages";

export type TextRuleOptions = {
  /** How the message names the field: "validation.labels.tagName" ("A tag name"), … */
  label: FieldLabelKey;
  /** Whether tab, line feed and carriage return are allowed (comments, reasons, article text). */
  multiline?: boolean;
  /**
   * Whether surrounding whitespace is trimmed first, as for names and comments (a name pasted with a trailing
   * newline is the name); the rule then applies to what is kept. Never for passwords or quotes, which must match
   * exactly.
   */
  trim?: boolean;
};

export type TextProblem = "control_character" | "lone_surrogate";

const anyControlCharacter = /\p{Cc}/u;
const controlCharacterButTabOrLineBreak = /(?![\t\n\r])\p{Cc}/u;

/** The first thing wrong with `value` as text of a field, or null when it is acceptable. */
export function findTextProblem(value: string, { multiline = false }: Pick<TextRuleOptions, "multiline"> = {}): TextProblem | null {
  if (!value.isWellFormed()) return "lone_surrogate";
  if ((multiline ? controlCharacterButTabOrLineBreak : anyControlCharacter).test(value)) return "control_character";
  return null;
}

/** The message for a problem, naming the field (its English text; see lib/validation/messages.ts). */
export function describeTextProblem(problem: TextProblem, { label, multiline = false }: TextRuleOptions): string {
  const values = { label: { key: label } };
  if (problem === "lone_surrogate") return validationMessage("validation.text.loneSurrogate", values);
  return validationMessage(multiline ? "validation.text.controlCharactersButLineBreaks" : "validation.text.controlCharacters", values);
}

/** The rule's checks, so `hasTextRule` can tell a string schema that applies it (they survive `.min()` etc.). */
const textRuleChecks = new WeakSet<object>();

/**
 * A string schema with the text rule applied (after trimming, with `trim`); chain `.min()`, `.max()`, messages
 * and further checks onto it as onto `z.string()`.
 */
export function userText(options: TextRuleOptions) {
  // The `.superRefine` method, not zod's top-level `z.superRefine(…)` check: in Next 16's Turbopack SSR and
  // browser bundles the `z` namespace lacked it ("b.z.superRefine is not a function" on every page importing a
  // schema), while the server bundle and Node had it.
  const messages = { lone_surrogate: describeTextProblem("lone_surrogate", options), control_character: describeTextProblem("control_character", options) };
  const schema = (options.trim ? z.string().trim() : z.string()).superRefine((value, context) => {
    const problem = findTextProblem(value, options);
    if (problem) context.addIssue({ code: "custom", message: messages[problem], params: { textProblem: problem } });
  });
  const rule = schema._zod.def.checks?.at(-1);
  if (rule) textRuleChecks.add(rule);
  return schema;
}

/** Whether a string schema applies the text rule (for tests that walk every input schema). */
export function hasTextRule(schema: z.ZodString): boolean {
  return (schema._zod.def.checks ?? []).some((check) => textRuleChecks.has(check));
}

import { detect } from "tinyld";
import { z } from "zod";

import { validationMessage } from "@/lib/validation/messages";

/** BCP 47 "undetermined": a text too short, or too mixed, to tell its language. */
export const undeterminedLanguage = "und";

/** How much text the detector reads: the opening of an article tells its language as well as the whole. */
const detectionSampleLength = 5_000;

/**
 * The language of a text as a BCP 47 tag ("nl", "en"), by tinyld's n-gram detector, or "und" when it cannot
 * tell. Used when a document is added without a `lang`; the team can correct it afterwards.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, detectionSampleLength);
  const detected = sample.trim().length < 20 ? "" : detect(sample);
  return detected ? canonicalLanguageTag(detected) ?? undeterminedLanguage : undeterminedLanguage;
}

/** A well-formed BCP 47 tag in its canonical spelling ("NL-be" → "nl-BE"), or null when it is not one. */
export function canonicalLanguageTag(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical ?? null;
  } catch {
    return null;
  }
}

/** A document's `lang` as the API takes it: a BCP 47 language tag, stored in its canonical spelling. */
const notALanguageTag = validationMessage("validation.documents.languageTag");

export const documentLanguageSchema = z
  .string({ error: notALanguageTag })
  .trim()
  .max(35, notALanguageTag)
  .transform((tag, context) => {
    const canonical = /^[A-Za-z0-9-]+$/u.test(tag) ? canonicalLanguageTag(tag) : null;
    if (canonical === null) {
      context.addIssue({ code: "custom", message: notALanguageTag });
      return z.NEVER;
    }
    return canonical;
  });

/**
 * Length-preserving text folding, so that typographic variants of the same text compare equal
 * (a document retyped with ASCII quotes, a hyphen for an en dash, different capitalisation).
 *
 * Every UTF-16 code unit maps to exactly one code unit, so an offset into the folded text is the
 * same offset into the original: matches found on folded text need no mapping back.
 */

/** Typographic characters and the plain character each folds to. */
const TYPOGRAPHIC_EQUIVALENTS: Readonly<Record<string, string>> = {
  "\u201E": '"', // „ double low-9 quotation mark (Dutch opening quote)
  "\u201C": '"', // “
  "\u201D": '"', // ”
  "\u2033": '"', // ″ double prime
  "\u2018": "'", // ‘
  "\u2019": "'", // ’
  "\u201A": "'", // ‚ single low-9 quotation mark
  "\u2032": "'", // ′ prime
  "\u2013": "-", // – en dash
  "\u2014": "-", // — em dash
  "\u00A0": " ", // no-break space
  "\u202F": " ", // narrow no-break space
};

/** Code units that may fold to something else: ASCII capitals and everything outside ASCII. */
const FOLDABLE = /[A-Z\u0080-\uFFFF]/g;

function foldCodeUnit(unit: string): string {
  const typographic = TYPOGRAPHIC_EQUIVALENTS[unit];
  if (typographic !== undefined) return typographic;
  // Lower-casing may lengthen a character ("İ" → "i̇"); keep those as they are so lengths hold.
  const lower = unit.toLowerCase();
  return lower.length === 1 ? lower : unit;
}

/**
 * Folds quotes, primes, dashes, no-break spaces and letter case, keeping `text.length` unchanged.
 * Surrogate halves are left alone, so astral characters are compared exactly.
 */
export function foldText(text: string): string {
  return text.replace(FOLDABLE, foldCodeUnit);
}

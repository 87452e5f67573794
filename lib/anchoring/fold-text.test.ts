import { describe, expect, it } from "vitest";

import { foldText } from "./fold-text";
import { SEED_ARTICLE } from "./testing/seed-article";

describe("foldText", () => {
  it.each([
    { name: "Dutch double quotes", text: "„een laatste kans”", folded: '"een laatste kans"' },
    { name: "English double quotes", text: "“quote”", folded: '"quote"' },
    { name: "single quotes", text: "‘doorbraak’ ‚x’", folded: "'doorbraak' 'x'" },
    { name: "primes", text: "5′ 3″", folded: "5' 3\"" },
    { name: "dashes", text: "2020–2021 — toen", folded: "2020-2021 - toen" },
    { name: "no-break spaces", text: "10\u00A0km en 5\u202F%", folded: "10 km en 5 %" },
    { name: "case", text: "Nagorno-Karabach", folded: "nagorno-karabach" },
    { name: "accented capitals", text: "ÉÉN ÓÓK ARMENIË", folded: "één óók armenië" },
    { name: "accents are kept", text: "vacuüm én óók", folded: "vacuüm én óók" },
    { name: "İ lower-cases to two units, so stays", text: "İstanbul", folded: "İstanbul" },
    { name: "astral capitals stay (per-unit folding)", text: "𐐀😀", folded: "𐐀😀" },
    { name: "ASCII without capitals is untouched", text: "abc [1] \"x\" 'y' -", folded: "abc [1] \"x\" 'y' -" },
  ])("$name", ({ text, folded }) => {
    expect(foldText(text)).toBe(folded);
    expect(foldText(text)).toHaveLength(text.length);
  });

  it("keeps the seed article's length, so offsets carry over", () => {
    expect(foldText(SEED_ARTICLE)).toHaveLength(SEED_ARTICLE.length);
  });

  it("is idempotent", () => {
    expect(foldText(foldText(SEED_ARTICLE))).toBe(foldText(SEED_ARTICLE));
  });
});

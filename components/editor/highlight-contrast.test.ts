import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { getContrastRatio, mixWithWhite, tagPalette } from "@/lib/tags/colors";
import { articleTextColor, deepestHighlightTint } from "@/lib/verdicts/rating-colors";
import { defaultRatingScale } from "@/lib/verdicts/scale";

/**
 * Claim highlights are a tint of their tag's colour under the article's text (app/globals.css). axe checks the
 * tints it happens to see on a page; this checks every tint the stylesheet can paint (each depth of overlap,
 * hovered, active, flashing) for every colour a tag may have, against the article's text colour.
 */
const stylesheet = readFileSync(new URL("../../app/globals.css", import.meta.url), "utf8");
/** Tailwind's stone-900, the colour of .article-body text (highlights inherit it). */
const articleText = "#1c1917";
const depths = [1, 2, 3, 4];

/** The share of the tag colour in each highlight tint the stylesheet declares, for every depth of overlap. */
function readTintFractions(css: string): { rule: string; fraction: number }[] {
  const tints: { rule: string; fraction: number }[] = [];
  const rulePattern = /([^{}]+)\{([^{}]*)\}/gu;
  const withoutComments = css.replaceAll(/\/\*[\s\S]*?\*\//gu, "");
  for (const [, selector = "", body = ""] of withoutComments.matchAll(rulePattern)) {
    for (const [, amount = ""] of body.matchAll(/color-mix\(in srgb, var\(--claim-color\) (.+?), white\)/gu)) {
      const fixed = /^(\d+(?:\.\d+)?)%$/u.exec(amount);
      const perDepth = /^calc\((\d+(?:\.\d+)?)% \+ var\(--claim-depth, 1\) \* (\d+(?:\.\d+)?)%\)$/u.exec(amount);
      if (fixed) tints.push({ rule: selector.trim(), fraction: Number(fixed[1]) / 100 });
      else if (perDepth) {
        for (const depth of depths) tints.push({ rule: `${selector.trim()} (depth ${depth})`, fraction: (Number(perDepth[1]) + depth * Number(perDepth[2])) / 100 });
      } else throw new Error(`The test cannot read the tint "${amount}" in ${selector.trim()}: teach it the new form`);
    }
  }
  return tints;
}

describe("claim highlight tints", () => {
  const tints = readTintFractions(stylesheet);

  it("are found in app/globals.css: resting at each depth, hovered, active, and the flash's first frame", () => {
    const rules = tints.map((tint) => tint.rule);
    expect(rules).toContain("mark.claim-highlight (depth 4)");
    expect(rules.some((rule) => rule.includes(":hover"))).toBe(true);
    expect(rules.some((rule) => rule.includes("claim-highlight--active"))).toBe(true);
    expect(rules).toContain("0%");
  });

  it.each(tagPalette)("keep 4.5:1 (WCAG AA) between the article's text and every tint of $name ($color)", ({ color }) => {
    for (const tint of tints) {
      const background = mixWithWhite(color, tint.fraction);
      expect(getContrastRatio(articleText, background), `${tint.rule}: ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  // A published verdict draws its claim in the rating's colour: the default scale's colours, and whatever colour
  // an owner picks (lib/verdicts/rating-colors.ts checks it at the deepest tint, which must be the deepest here).
  it.each(defaultRatingScale)("keep 4.5:1 for the default rating colour of $key ($color)", ({ color }) => {
    for (const tint of tints) {
      const background = mixWithWhite(color, tint.fraction);
      expect(getContrastRatio(articleText, background), `${tint.rule}: ${background}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("go no deeper than the tint lib/verdicts/rating-colors.ts checks a rating's own colour at", () => {
    expect(Math.max(...tints.map((tint) => tint.fraction))).toBeLessThanOrEqual(deepestHighlightTint);
    expect(articleTextColor).toBe(articleText);
  });

  it("mixes like CSS color-mix in sRGB", () => {
    expect(mixWithWhite("#000000", 0.5)).toBe("#808080");
    expect(mixWithWhite("#b91c1c", 1)).toBe("#b91c1c");
    expect(mixWithWhite("#b91c1c", 0)).toBe("#ffffff");
  });
});

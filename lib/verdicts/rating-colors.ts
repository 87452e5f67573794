/**
 * Which colours a rating may have. Pure; shared with the browser (the scale editor checks before sending).
 *
 * A rating's colour is painted two ways: as the background of its chip under white text (the verdict badge,
 * the claim list, the panel), and as a light tint under the article's dark text (the claim's highlight,
 * app/globals.css). The tag palette passes both (components/editor/highlight-contrast.test.ts checks every
 * tint). A colour of the team's own choosing must too: at least 4.5:1 with white text, and every tint a
 * highlight can take, up to the deepest, at least 4.5:1 with the article's text (WCAG AA).
 */
import { getContrastRatio, isPaletteColor, mixWithWhite, tagColorPattern } from "@/lib/tags/colors";

/** WCAG AA for normal text. */
const minimumContrast = 4.5;

/** Tailwind's stone-900, the colour of the article's text (highlights inherit it). */
export const articleTextColor = "#1c1917";

/**
 * The largest share of a claim's colour in any highlight tint app/globals.css paints (the flash's first frame).
 * highlight-contrast.test.ts reads the stylesheet and fails if a tint goes deeper than this.
 */
export const deepestHighlightTint = 0.55;

/** Whether `color` (lower-case #rrggbb) keeps 4.5:1 under white text and under the article's text at every tint. */
export function isReadableRatingColor(color: string): boolean {
  if (!tagColorPattern.test(color)) return false;
  if (getContrastRatio(color, "#ffffff") < minimumContrast) return false;
  // The lightest tint is the least of a problem (the text is dark): the deepest one decides.
  return getContrastRatio(articleTextColor, mixWithWhite(color, deepestHighlightTint)) >= minimumContrast;
}

/** A colour a rating may have: one of the tag palette's, or any readable #rrggbb (lower case). */
export function isRatingColor(color: string): boolean {
  return isPaletteColor(color) || isReadableRatingColor(color);
}

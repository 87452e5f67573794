/**
 * The tags every team starts with, and their colours. Each colour keeps at least 4.5:1 contrast with white
 * text (WCAG AA) for tag chips; highlights use a light tint of it under dark text (see components/document).
 * Hues are spread so that the four stay apart for the common colour-vision deficiencies.
 */
export const defaultTags = [
  { name: "military", color: "#b91c1c" },
  { name: "diplomatic", color: "#0b66a8" },
  { name: "energy", color: "#8a5a00" },
  { name: "mercenaries", color: "#6d28d9" },
] as const;

/** A #rrggbb colour. */
export const tagColorPattern = /^#[0-9a-f]{6}$/u;

/** Relative luminance of a #rrggbb colour (WCAG 2.x). */
export function getRelativeLuminance(color: string): number {
  const channels = [1, 3, 5].map((index) => Number.parseInt(color.slice(index, index + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.039_28 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function getContrastRatio(a: string, b: string): number {
  const [lighter, darker] = [getRelativeLuminance(a), getRelativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * `color` mixed with white, `fraction` (0–1) of `color`: the #rrggbb that CSS
 * `color-mix(in srgb, color N%, white)` paints, as claim highlights do (app/globals.css).
 */
export function mixWithWhite(color: string, fraction: number): string {
  const channels = [1, 3, 5].map((index) => Number.parseInt(color.slice(index, index + 2), 16));
  return `#${channels.map((channel) => Math.round(channel * fraction + 255 * (1 - fraction)).toString(16).padStart(2, "0")).join("")}`;
}

/**
 * The colours a tag may have, each with a name people can tell apart (the swatches' accessible names). Every
 * one keeps at least 4.5:1 contrast with white text (WCAG AA; colors.test.ts checks). The default tags' colours
 * come first, so existing tags stay choosable.
 */
export const tagPalette = [
  { name: "Red", color: "#b91c1c" },
  { name: "Blue", color: "#0b66a8" },
  { name: "Ochre", color: "#8a5a00" },
  { name: "Violet", color: "#6d28d9" },
  { name: "Green", color: "#15803d" },
  { name: "Teal", color: "#0f766e" },
  { name: "Magenta", color: "#be185d" },
  { name: "Orange", color: "#c2410c" },
  { name: "Indigo", color: "#4338ca" },
  { name: "Slate", color: "#475569" },
] as const;

const paletteColors: ReadonlySet<string> = new Set(tagPalette.map((entry) => entry.color));

/** True when `color` is one of the palette's (lower-case #rrggbb). */
export function isPaletteColor(color: string): boolean {
  return paletteColors.has(color);
}

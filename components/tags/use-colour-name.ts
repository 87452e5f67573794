"use client";

import { useTranslations } from "next-intl";

import { tagPalette } from "@/lib/tags/colors";

type PaletteColourKey = Lowercase<(typeof tagPalette)[number]["name"]>;

/**
 * A tag colour's name in the interface language ("Green", "Groen"), so a colour is never told by sight alone; a
 * colour outside the palette (older data) is named by its code.
 */
export function useColourName(): (color: string) => string {
  const t = useTranslations("tags");
  return (color) => {
    const entry = tagPalette.find((candidate) => candidate.color === color);
    return entry ? t(`colours.${entry.name.toLowerCase() as PaletteColourKey}`) : t("otherColour", { colour: color });
  };
}

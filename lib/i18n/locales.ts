/** The interface languages Margin speaks. Shared by server and browser code. */
export const locales = ["en", "nl"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Remembers the choice of someone not signed in (and mirrors a signed-in user's setting). */
export const localeCookieName = "margin-locale";

/** Each language by its own name, as a language menu lists them (never translated). */
export const localeNames: Record<Locale, string> = { en: "English", nl: "Nederlands" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

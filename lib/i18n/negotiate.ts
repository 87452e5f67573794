import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";

import { defaultLocale, isLocale, localeCookieName, locales, type Locale } from "@/lib/i18n/locales";

/**
 * The interface language of a request: the user's own setting, else the language menu's cookie, else the best
 * match for the browser's Accept-Language ("nl-BE" → nl), else English.
 */
export function negotiateLocale(sources: { userSetting?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(sources.userSetting)) return sources.userSetting;
  if (isLocale(sources.cookie)) return sources.cookie;
  if (!sources.acceptLanguage) return defaultLocale;
  const requested = new Negotiator({ headers: { "accept-language": sources.acceptLanguage } })
    .languages()
    .filter((tag) => tag !== "*" && isWellFormedTag(tag));
  if (requested.length === 0) return defaultLocale;
  const matched = match(requested, [...locales], defaultLocale);
  return isLocale(matched) ? matched : defaultLocale;
}

function isWellFormedTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The interface language of a request outside next-intl's request context (route handlers, the proxy), from its
 * headers: the user's setting when the caller knows it, the `margin-locale` cookie, Accept-Language.
 */
export function negotiateRequestLocale(headers: Headers, userSetting?: string | null): Locale {
  return negotiateLocale({ userSetting, cookie: readCookie(headers.get("cookie"), localeCookieName), acceptLanguage: headers.get("accept-language") });
}

/** One cookie's value from a Cookie header ("a=1; margin-locale=nl"), or null. */
function readCookie(header: string | null, name: string): string | null {
  for (const pair of header?.split(";") ?? []) {
    const separator = pair.indexOf("=");
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}

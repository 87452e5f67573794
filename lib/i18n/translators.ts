import { createTranslator } from "use-intl/core";

import { translateEnglish, type Translate } from "@/lib/i18n/localized-message";
import type { Locale } from "@/lib/i18n/locales";
import nl from "@/messages/nl.json" with { type: "json" };

const dutch = createTranslator({ locale: "nl", messages: nl });

const translators: Record<Locale, Translate> = {
  en: translateEnglish,
  nl: (key, values) => dutch(key, values),
};

/**
 * A translator for `locale`, at once (both catalogues are bundled): for code that answers in the request's
 * language without next-intl's request context, such as a route handler's error response. Pages and server
 * actions use `getTranslations()` instead.
 */
export function getTranslate(locale: Locale): Translate {
  return translators[locale];
}

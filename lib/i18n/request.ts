import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";

import { getActor } from "@/lib/auth/actor";
import { localeCookieName } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { getTimeZone } from "@/lib/env";

/**
 * next-intl's request configuration (wired in next.config.ts): the interface language of each page and server
 * action. Margin keeps one URL per page in every language, so the language comes from the request, not the path.
 */
export default getRequestConfig(async () => {
  const [actor, cookieStore, headerList] = await Promise.all([getActor(), cookies(), headers()]);
  const locale = negotiateLocale({
    userSetting: actor?.locale,
    cookie: cookieStore.get(localeCookieName)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return { locale, messages: await loadMessages(locale), timeZone: getTimeZone() };
});

import "server-only";

import { cookies } from "next/headers";
import { z } from "zod";

import { getActor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { localeCookieName, locales } from "@/lib/i18n/locales";
import { validationMessage } from "@/lib/validation/messages";

const chooseLanguageSchema = z.object({ locale: z.enum(locales, { error: validationMessage("validation.chooseLocale") }) });

/**
 * The language menu's choice: remembered in a cookie for this browser and, for a signed-in user, as their
 * setting, so it follows them to every device they sign in on (lib/i18n/negotiate.ts puts it first).
 */
export async function chooseInterfaceLanguage(input: unknown): Promise<void> {
  const { locale } = chooseLanguageSchema.parse(input);
  const actor = await getActor();
  if (actor) await getDb().user.update({ where: { id: actor.userId }, data: { locale } });
  (await cookies()).set(localeCookieName, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax", httpOnly: true });
}

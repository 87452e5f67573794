"use server";

import { getLocale } from "next-intl/server";

import { toActionState, type ActionState } from "@/lib/forms/action-state";
import { chooseInterfaceLanguage } from "@/lib/i18n/interface-language";

/** The header's language menu: the page re-renders in the chosen language (the cookie changed). */
export async function chooseLanguageAction(locale: unknown): Promise<ActionState> {
  try {
    await chooseInterfaceLanguage({ locale });
    return { ok: true };
  } catch (error) {
    return toActionState(error, await getLocale());
  }
}

import type { Locale } from "@/lib/i18n/locales";
import type en from "@/messages/en.json";

export type Messages = typeof en;

/** The interface's words in one language (messages/<locale>.json; both files have the same keys). */
export async function loadMessages(locale: Locale): Promise<Messages> {
  return locale === "nl" ? (await import("@/messages/nl.json")).default : (await import("@/messages/en.json")).default;
}

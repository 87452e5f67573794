import { undeterminedLanguage } from "@/lib/documents/language";

/**
 * The `lang` attribute of a document's text on the server-rendered version pages: its language, or none for "und"
 * (the rule of components/documents/document-header.tsx, whose module is a client one the server cannot call).
 */
export function getContentLang(lang: string): string | undefined {
  return lang === undeterminedLanguage ? undefined : lang;
}

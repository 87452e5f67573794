"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState, useTransition } from "react";

import { Alert } from "@/components/ui/alert";
import { apiClient } from "@/lib/api/client";

/** The languages the select offers, besides the document's own: those Margin's teams write and read most. */
const commonLanguages = ["nl", "en", "de", "fr", "es", "it", "pt", "pl", "tr", "ar", "uk", "ru"] as const;

/** BCP 47 "undetermined": detection could not tell (lib/documents/language.ts). */
const undetermined = "und";

/** A language tag's name in the interface language ("nl" → "Dutch" / "Nederlands"); the tag itself if unnamed. */
function useLanguageName(): (tag: string) => string {
  const locale = useLocale();
  const t = useTranslations("workspace");
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: "language", fallback: "code" });
    return (tag: string) => {
      if (tag === undetermined) return t("unknownLanguage");
      try {
        return names.of(tag) ?? tag;
      } catch {
        return tag; // Not a well-formed tag (never stored, but a name is not worth a crash).
      }
    };
  }, [locale, t]);
}

type DocumentLanguageProps = {
  documentId: string;
  /** The content's language (BCP 47; "und" when unknown). */
  lang: string;
  canEdit: boolean;
  /** Says a sentence in the page's polite live region. */
  announce: (message: string) => void;
};

/**
 * The language the document is written in, by its name in the interface language. Owners and moderators can
 * correct it (PATCH /api/documents/{id}); the page is then refreshed, so the article carries the new `lang`.
 */
export function DocumentLanguage({ documentId, lang, canEdit, announce }: DocumentLanguageProps) {
  const t = useTranslations("workspace");
  const locale = useLocale();
  const languageName = useLanguageName();
  const router = useRouter();
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // The choice being saved, shown until the refreshed page brings it as `lang` (or the save fails).
  const [pending, setPending] = useState<{ from: string; to: string } | null>(null);
  const shown = pending && pending.from === lang ? pending.to : lang;

  const options = useMemo(() => {
    const collator = new Intl.Collator(locale);
    const tags: string[] = [...commonLanguages];
    if (!tags.includes(shown)) tags.push(shown);
    const named = tags.map((tag) => ({ tag, name: tag === undetermined ? t("unknownLanguageOption") : languageName(tag) }));
    return named.sort((a, b) => collator.compare(a.name, b.name));
  }, [shown, locale, languageName, t]);

  if (!canEdit) {
    return <p className="mt-2 text-sm text-stone-600">{t("textLanguage", { language: languageName(lang) })}</p>;
  }

  function change(next: string) {
    if (next === shown) return;
    setError(null);
    setPending({ from: lang, to: next });
    startTransition(async () => {
      try {
        await apiClient.updateDocument(documentId, { lang: next });
        announce(t("languageChanged", { language: languageName(next) }));
        router.refresh();
      } catch (cause) {
        setPending(null);
        setError(t("languageFailed", { message: cause instanceof Error ? cause.message : String(cause) }));
      }
    });
  }

  return (
    <div className="mt-2 flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2 text-sm text-stone-600">
        <label htmlFor={id}>{t("textLanguageLabel")}</label>
        <select
          id={id}
          value={shown}
          aria-busy={isPending || undefined}
          onChange={(event) => change(event.target.value)}
          className="h-8 rounded-md border border-stone-300 bg-white px-2 text-sm text-stone-900 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          {options.map(({ tag, name }) => (
            <option key={tag} value={tag}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}

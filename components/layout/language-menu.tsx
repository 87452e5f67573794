"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import { useState, useTransition } from "react";

import { chooseLanguageAction } from "@/app/language-action";
import { isLocale, localeNames, locales } from "@/lib/i18n/locales";

/** The header's language switcher: each language listed by its own name, in its own `lang`. */
export function LanguageMenu() {
  const t = useTranslations("language");
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [failed, setFailed] = useState(false);

  function choose(value: string) {
    if (!isLocale(value) || value === locale) return;
    startTransition(async () => {
      const result = await chooseLanguageAction(value);
      setFailed(!result.ok);
      if (result.ok) router.refresh();
    });
  }

  return (
    <>
      {/* Not modal: a modal menu hides the rest of the page with aria-hidden while its links stay focusable
          (axe aria-hidden-focus); Escape, Tab and a click outside still close it. Not portalled: the open menu
          stays inside the header's landmark, right after its button. */}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          aria-busy={isPending || undefined}
          className="inline-flex h-8 shrink-0 items-center gap-1 rounded-md border border-stone-300 bg-white px-2 text-sm hover:bg-stone-100 focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          <span className="sr-only">{t("current", { name: localeNames[locale] })}</span>
          <span aria-hidden className="font-medium uppercase">
            {locale}
          </span>
          <span aria-hidden>▾</span>
        </DropdownMenu.Trigger>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-40 rounded-md border border-stone-200 bg-white p-1 shadow-lg">
          <DropdownMenu.Label className="px-2 py-1.5 text-xs font-semibold tracking-wide text-stone-600 uppercase">{t("menuLabel")}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={locale} onValueChange={choose}>
            {locales.map((code) => (
              <DropdownMenu.RadioItem
                key={code}
                value={code}
                lang={code}
                className="flex items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-stone-100"
              >
                <span aria-hidden className="w-4">
                  <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
                </span>
                {localeNames[code]}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Root>
      {failed ? (
        <p role="alert" className="sr-only">
          {t("changeFailed")}
        </p>
      ) : null}
    </>
  );
}

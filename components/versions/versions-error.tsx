"use client";

import { useTranslations } from "next-intl";

import { Button } from "@/components/ui/button";

/** The versions, version and compare pages when loading failed (their error.tsx), with a retry. */
export function VersionsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("versions");
  return (
    <main className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-stone-600">{t("errorBody")}</p>
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </main>
  );
}

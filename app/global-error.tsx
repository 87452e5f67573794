"use client";

import { createTranslator } from "next-intl";

import en from "@/messages/en.json";
import nl from "@/messages/nl.json";

/**
 * Replaces the root layout when it fails, so no translation provider is left: the words come straight from the
 * message files, in the browser's language.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const locale = typeof navigator !== "undefined" && navigator.language.toLowerCase().startsWith("nl") ? "nl" : "en";
  const t = createTranslator({ locale, messages: locale === "nl" ? nl : en, namespace: "globalError" });
  return (
    <html lang={locale}>
      <body style={{ fontFamily: "system-ui, sans-serif", padding: "4rem", textAlign: "center" }}>
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <button type="button" onClick={reset}>
          {t("retry")}
        </button>
      </body>
    </html>
  );
}

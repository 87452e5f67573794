"use client";

import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";

export type ImportSource = "paste" | "file";

const sources: readonly ImportSource[] = ["paste", "file"];

/** Paste the text, or upload a file: two radio buttons (arrow keys move between them), drawn as a switch. */
export function ImportSourceChoice({ value, onChange, disabled }: { value: ImportSource; onChange: (source: ImportSource) => void; disabled: boolean }) {
  const t = useTranslations("teams.newDocument");
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium text-stone-800">{t("sourceLegend")}</legend>
      <div className="inline-flex rounded-md border border-stone-300 bg-white p-0.5">
        {sources.map((source) => (
          <label
            key={source}
            className={cn(
              "cursor-pointer rounded px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-600",
              value === source ? "bg-stone-900 text-white" : "text-stone-700 hover:bg-stone-100",
            )}
          >
            <input
              type="radio"
              name="source"
              value={source}
              checked={value === source}
              disabled={disabled}
              onChange={() => onChange(source)}
              className="sr-only"
            />
            {source === "paste" ? t("sourcePaste") : t("sourceFile")}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

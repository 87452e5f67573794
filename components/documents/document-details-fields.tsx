"use client";

import { useTranslations } from "next-intl";
import { useId, type InputHTMLAttributes } from "react";

import { cn } from "@/components/ui/cn";
import { documentLimits } from "@/lib/documents/schema";

/** The details a document carries besides its text, as typed (trimmed); "" for a field left empty. */
export type DocumentDetailsValues = { title: string; byline: string; sourceUrl: string; publishedAt: string };

export const documentDetailsFieldNames = ["title", "byline", "sourceUrl", "publishedAt"] as const satisfies readonly (keyof DocumentDetailsValues)[];

/** The fields' values from their form. */
export function readDocumentDetails(form: FormData): DocumentDetailsValues {
  const read = (name: keyof DocumentDetailsValues) => {
    const value = form.get(name);
    return typeof value === "string" ? value.trim() : "";
  };
  return { title: read("title"), byline: read("byline"), sourceUrl: read("sourceUrl"), publishedAt: read("publishedAt") };
}

type DetailFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; error?: string };

/** A labelled input with its hint and error tied to it for assistive technology. */
function DetailField({ label, hint, error, className, ...props }: DetailFieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={cn(
          "h-10 rounded-md border bg-white px-3 text-sm text-stone-900 shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
          error ? "border-red-600" : "border-stone-300",
        )}
        {...props}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type DocumentDetailsFieldsProps = {
  defaults?: Partial<DocumentDetailsValues>;
  /** Messages by field name (the API's `details.fields`). */
  errors: Partial<Record<keyof DocumentDetailsValues, string>>;
  /** Said under the title's label (e.g. that it is taken from the file when left empty). */
  titleHint?: string;
  isTitleRequired: boolean;
  disabled?: boolean;
};

/**
 * Title, byline, source URL and publication date: the fields of "Add a document" and of "Edit details". Plain
 * inputs named after the API's fields (`readDocumentDetails` reads them); the server checks every value.
 */
export function DocumentDetailsFields({ defaults = {}, errors, titleHint, isTitleRequired, disabled }: DocumentDetailsFieldsProps) {
  const t = useTranslations("documentDetails");
  return (
    <>
      <DetailField
        label={t("titleLabel")}
        hint={titleHint}
        name="title"
        required={isTitleRequired}
        maxLength={documentLimits.titleMax}
        defaultValue={defaults.title}
        error={errors.title}
        disabled={disabled}
      />
      <DetailField label={t("bylineLabel")} hint={t("bylineHint")} name="byline" defaultValue={defaults.byline} error={errors.byline} disabled={disabled} />
      <DetailField
        label={t("sourceUrlLabel")}
        hint={t("sourceUrlHint")}
        name="sourceUrl"
        type="url"
        inputMode="url"
        autoComplete="url"
        defaultValue={defaults.sourceUrl}
        error={errors.sourceUrl}
        disabled={disabled}
      />
      <DetailField
        label={t("publishedAtLabel")}
        hint={t("publishedAtHint")}
        name="publishedAt"
        autoComplete="off"
        defaultValue={defaults.publishedAt}
        error={errors.publishedAt}
        disabled={disabled}
      />
    </>
  );
}

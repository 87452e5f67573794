"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";

import { StanceIcon } from "@/components/evidence/stance-label";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ApiError, describeApiError } from "@/lib/api/client";
import { createEvidenceInputSchema, evidenceStances, type EvidenceStanceName, type EvidenceView } from "@/lib/evidence/schema";
import { localizeIssue } from "@/lib/validation/messages";

/** What the form sends: every field as typed (blank means none), checked by the server's schema first. */
export type EvidenceFormValues = { title: string; url: string; stance: EvidenceStanceName; quote: string; note: string };
/** What is being typed: no stance until one is chosen (none is preselected: the choice is the checker's). */
type EvidenceDraft = Omit<EvidenceFormValues, "stance"> & { stance: EvidenceStanceName | undefined };

const fieldNames = ["title", "url", "stance", "quote", "note"] as const;
type FieldName = (typeof fieldNames)[number];
type FieldErrors = Partial<Record<FieldName, string>>;

/** The first message per known field, from `{ path, message }` pairs (a zod error here, or the API's `details.fields`). */
function toFieldErrors(entries: Iterable<[path: string, message: string]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of entries) {
    const field = fieldNames.find((name) => name === path);
    if (field) errors[field] ??= message;
  }
  return errors;
}

type EvidenceFormProps = {
  mode: "add" | "edit";
  initial?: EvidenceView;
  /** Resolves when saved; rejects (an ApiError) to show the server's errors, per field where it names one. */
  onSubmit: (values: EvidenceFormValues) => Promise<unknown>;
  onCancel: () => void;
};

const controlClass = (hasError: boolean) =>
  cn(
    "w-full rounded-md border bg-white px-3 text-sm text-stone-900 shadow-xs outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
    hasError ? "border-red-600" : "border-stone-300",
  );

/**
 * Evidence's title, link, stance, quote and note. Checked with the server's own schema before sending, so most
 * mistakes are named at once by their field; what only the server knows comes back the same way (`details.fields`).
 * Escape cancels. The form keeps what was typed when saving fails.
 */
export function EvidenceForm({ mode, initial, onSubmit, onCancel }: EvidenceFormProps) {
  const t = useTranslations("evidence");
  const messages = useTranslations();
  const locale = useLocale();
  const formId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<EvidenceDraft>({
    title: initial?.title ?? "",
    url: initial?.url ?? "",
    stance: initial?.stance,
    quote: initial?.quote ?? "",
    note: initial?.note ?? "",
  });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const set = <Name extends keyof EvidenceDraft>(name: Name, value: EvidenceDraft[Name]) => setValues((current) => ({ ...current, [name]: value }));

  // After a refused save, take the keyboard to the first field that needs fixing.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid]')?.focus();
  }, [fieldErrors]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isSaving) return;
    setError(null);
    const parsed = createEvidenceInputSchema.safeParse(values);
    if (!parsed.success) {
      setFieldErrors(toFieldErrors(parsed.error.issues.map((issue) => [issue.path.join("."), localizeIssue(issue, locale, messages)])));
      return;
    }
    setFieldErrors({});
    setIsSaving(true);
    try {
      await onSubmit({ ...values, stance: parsed.data.stance });
    } catch (cause) {
      const serverFields = cause instanceof ApiError ? (cause.details?.fields as Record<string, string> | undefined) : undefined;
      const errors = toFieldErrors(Object.entries(serverFields ?? {}));
      if (Object.keys(errors).length > 0) setFieldErrors(errors);
      else setError(t("saveFailed", { message: cause instanceof ApiError ? describeApiError(cause, messages) : String(cause) }));
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={mode === "add" ? t("addFormLabel") : t("editFormLabel")}
      className="flex flex-col gap-3 rounded-md border border-stone-200 bg-stone-50 p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
    >
      <Field id={`${formId}-title`} label={t("titleLabel")} error={fieldErrors.title}>
        {(props) => (
          <input {...props} value={values.title} autoFocus autoComplete="off" onChange={(event) => set("title", event.target.value)} className={cn(controlClass(Boolean(fieldErrors.title)), "h-10")} />
        )}
      </Field>
      <Field id={`${formId}-url`} label={t("urlLabel")} hint={t("urlHint")} error={fieldErrors.url}>
        {(props) => (
          <input
            {...props}
            type="url"
            inputMode="url"
            value={values.url}
            autoComplete="off"
            placeholder="https://"
            onChange={(event) => set("url", event.target.value)}
            className={cn(controlClass(Boolean(fieldErrors.url)), "h-10")}
          />
        )}
      </Field>
      <fieldset aria-describedby={fieldErrors.stance ? `${formId}-stance-error` : undefined} className="flex flex-col gap-1.5">
        <legend className="mb-1 text-sm font-medium text-stone-800">{t("stanceLabel")}</legend>
        <div className="flex flex-wrap gap-2">
          {evidenceStances.map((stance) => (
            <label
              key={stance}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-stone-300 bg-white px-2.5 py-1.5 text-sm text-stone-800 has-checked:border-stone-900 has-checked:ring-1 has-checked:ring-stone-900 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-sky-600"
            >
              <input
                type="radio"
                name={`${formId}-stance`}
                value={stance}
                checked={values.stance === stance}
                data-invalid={fieldErrors.stance ? true : undefined}
                onChange={() => set("stance", stance)}
                className="size-4 accent-stone-900"
              />
              <StanceIcon stance={stance} />
              {t(`stances.${stance}`)}
            </label>
          ))}
        </div>
        {fieldErrors.stance ? (
          <p id={`${formId}-stance-error`} className="text-sm text-red-700">
            {fieldErrors.stance}
          </p>
        ) : null}
      </fieldset>
      <Field id={`${formId}-quote`} label={t("quoteLabel")} error={fieldErrors.quote}>
        {(props) => <textarea {...props} rows={3} value={values.quote} onChange={(event) => set("quote", event.target.value)} className={cn(controlClass(Boolean(fieldErrors.quote)), "resize-y py-2")} />}
      </Field>
      <Field id={`${formId}-note`} label={t("noteLabel")} error={fieldErrors.note}>
        {(props) => <textarea {...props} rows={2} value={values.note} onChange={(event) => set("note", event.target.value)} className={cn(controlClass(Boolean(fieldErrors.note)), "resize-y py-2")} />}
      </Field>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSaving}>
          {isSaving ? t("saving") : mode === "add" ? t("add") : t("save")}
        </Button>
        <Button variant="ghost" size="sm" onClick={onCancel}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A labelled control with an optional hint and its error, both tied to it for assistive technology. */
function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: (props: ControlProps) => ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

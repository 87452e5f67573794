"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";

import { toFormFailure, type FormFailure } from "@/components/documents/field-errors";
import { useFileSize } from "@/components/documents/import/file-picker";
import { checkImportFile, importFileAccept, importFileMaxBytes } from "@/components/documents/import/import-file";
import { postWithUploadProgress } from "@/components/documents/import/post-with-upload-progress";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ApiError } from "@/lib/api/client";
import { versionLimits, type CreatedVersion } from "@/lib/versions/schema";

type ReplaceFromFileProps = {
  documentId: string;
  /** The version the editor holds: sent as `baseVersion`, so a version saved meanwhile is a 409. */
  baseVersion: number;
  /** Edits in the editor not saved yet: replacing the text would lose them, so it is refused. */
  hasUnsavedEdits: boolean;
  /** While the file is on its way the editor is kept from changing (its text is about to be replaced). */
  onBusyChange: (isBusy: boolean) => void;
  /** The new version is saved: the editor shows the outcome and loads it. */
  onReplaced: (created: CreatedVersion) => Promise<void>;
  /** Someone saved a newer version first (409): the editor says so, as for its own Save. */
  onConflict: () => void;
};

type Phase = { kind: "idle" } | { kind: "sending"; percent: number } | { kind: "importing" };
type Field = "file" | "note";
const noFailure: FormFailure<Field> = { message: null, fields: {} };

/** The API's answer to a new version: its number and what re-anchoring did to the claims. */
function readCreatedVersion(answer: unknown): CreatedVersion {
  const created = answer as Partial<Record<keyof CreatedVersion, unknown>> | null;
  const { number, anchored, changed, orphaned } = created ?? {};
  if (![number, anchored, changed, orphaned].every((count) => typeof count === "number")) throw new Error("not a new version");
  return created as CreatedVersion;
}

/**
 * "Replace the text from a file" (a disclosure below the editor): a .txt, .md, .html or .docx file becomes the
 * article's next version, posted to `POST /api/documents/{id}/versions` as multipart with the upload's progress.
 * The browser checks the file first (import-file.ts); the server's refusals are said beside the file input.
 */
export function ReplaceFromFile({ documentId, baseVersion, hasUnsavedEdits, onBusyChange, onReplaced, onConflict }: ReplaceFromFileProps) {
  const t = useTranslations("editor.replace");
  const tEditor = useTranslations("editor");
  const translate = useTranslations();
  const fileSize = useFileSize();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [note, setNote] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [failure, setFailure] = useState<FormFailure<Field>>(noFailure);
  const [isRefused, setIsRefused] = useState(false);
  const isBusy = phase.kind !== "idle";

  /** What is wrong with the chosen file, in words, or undefined. */
  function describeFileProblem(chosen: File): string | undefined {
    const problem = checkImportFile(chosen);
    if (problem === "tooLarge") return t("fileTooLarge", { name: chosen.name, size: fileSize(chosen.size), maximum: fileSize(importFileMaxBytes) });
    if (problem === "unsupportedType") return t("fileUnsupported", { name: chosen.name });
    if (problem === "empty") return t("fileEmpty", { name: chosen.name });
    return undefined;
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    setIsRefused(false);
    const problem = chosen ? describeFileProblem(chosen) : undefined;
    setFailure({ message: null, fields: problem ? { file: problem } : {} });
  }

  /** Shows the problems beside their fields (one the server named no field for goes with the file) and focuses it. */
  function fail(next: FormFailure<Field>) {
    const fields = next.message ? { ...next.fields, file: [next.fields.file, next.message].filter(Boolean).join(" ") } : next.fields;
    setFailure({ message: null, fields });
    if (fields.file) fileInput.current?.focus();
    else if (fields.note) noteInput.current?.focus();
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    if (hasUnsavedEdits) {
      setIsRefused(true);
      return;
    }
    setIsRefused(false);
    const problem = file ? describeFileProblem(file) : t("fileRequired");
    if (!file || problem) return fail({ message: null, fields: { file: problem } });

    const form = new FormData();
    form.append("file", file);
    if (note.trim() !== "") form.append("note", note);
    form.append("baseVersion", String(baseVersion));
    setFailure(noFailure);
    setPhase({ kind: "sending", percent: 0 });
    onBusyChange(true);
    try {
      const created = await postWithUploadProgress(`/api/documents/${encodeURIComponent(documentId)}/versions`, form, readCreatedVersion, {
        onUploadProgress: ({ loaded, total }) =>
          setPhase(loaded >= total ? { kind: "importing" } : { kind: "sending", percent: Math.floor((loaded / total) * 100) }),
      });
      setFile(null);
      setNote("");
      if (fileInput.current) fileInput.current.value = "";
      setPhase({ kind: "idle" });
      onBusyChange(false);
      await onReplaced(created);
    } catch (error) {
      // Rendered at once: the fields are enabled again before focus moves to the one with a problem.
      flushSync(() => setPhase({ kind: "idle" }));
      onBusyChange(false);
      if (error instanceof ApiError && error.status === 409) return onConflict();
      // The API names the upload `file`, its format `format` and an article without text `content`: all the file.
      fail(toFormFailure(error, translate, ["file", "note"] as const, { format: "file", content: "file" }));
    }
  }

  const fileDescribedBy = [`${id}-file-hint`, file ? `${id}-file-chosen` : null, failure.fields.file ? `${id}-file-error` : null].filter(Boolean).join(" ");
  const statusLabel = phase.kind === "sending" ? t("uploading") : phase.kind === "importing" ? t("importing") : "";
  return (
    <details className="max-w-2xl rounded-md border border-stone-200 bg-white" data-testid="replace-from-file">
      <summary className="cursor-pointer rounded-md px-4 py-3 font-medium text-stone-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
        {t("title")}
      </summary>
      <form onSubmit={submit} noValidate aria-busy={isBusy || undefined} className="flex flex-col gap-4 border-t border-stone-200 px-4 py-4">
        <p className="text-sm text-stone-600">{t("intro")}</p>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-file`} className="text-sm font-medium text-stone-800">
            {t("fileLabel")}
          </label>
          <p id={`${id}-file-hint`} className="text-sm text-stone-600">
            {t("fileHint")}
          </p>
          <input
            ref={fileInput}
            id={`${id}-file`}
            type="file"
            name="file"
            accept={importFileAccept}
            disabled={isBusy}
            aria-describedby={fileDescribedBy}
            aria-invalid={failure.fields.file ? true : undefined}
            onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
            className="text-sm text-stone-800 file:mr-3 file:h-9 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:font-medium file:text-stone-800 hover:file:bg-stone-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          />
          {file ? (
            <p id={`${id}-file-chosen`} className="text-sm text-stone-700">
              {t("fileChosen", { name: file.name, size: fileSize(file.size) })}
            </p>
          ) : null}
          {failure.fields.file ? (
            <p id={`${id}-file-error`} className="text-sm text-red-700" data-testid="replace-file-error">
              {failure.fields.file}
            </p>
          ) : null}
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-note`} className="text-sm font-medium text-stone-800">
            {t("noteLabel")}
          </label>
          <textarea
            ref={noteInput}
            id={`${id}-note`}
            value={note}
            rows={2}
            maxLength={versionLimits.noteMax}
            disabled={isBusy}
            aria-invalid={failure.fields.note ? true : undefined}
            aria-describedby={failure.fields.note ? `${id}-note-hint ${id}-note-error` : `${id}-note-hint`}
            onChange={(event) => setNote(event.target.value)}
            className={cn(
              "w-full resize-y rounded-md border bg-white px-3 py-2 text-sm text-stone-900 outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
              failure.fields.note ? "border-red-600" : "border-stone-300",
            )}
          />
          <p id={`${id}-note-hint`} className="text-xs text-stone-600">
            {tEditor("noteHint", { max: versionLimits.noteMax })}
          </p>
          {failure.fields.note ? (
            <p id={`${id}-note-error`} className="text-sm text-red-700">
              {failure.fields.note}
            </p>
          ) : null}
        </div>
        {isRefused && hasUnsavedEdits ? <Alert>{t("unsavedEdits")}</Alert> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="secondary" disabled={isBusy} aria-busy={isBusy || undefined}>
            {isBusy ? t("submitting") : t("submit")}
          </Button>
          {phase.kind === "idle" ? null : (
            <progress
              max={100}
              // Indeterminate (no value) once the file is sent: the server's share of the work has no measure.
              value={phase.kind === "sending" ? phase.percent : undefined}
              aria-label={t("progressLabel")}
              className="h-2 w-40 accent-stone-900"
            />
          )}
          <span role="status" className="text-sm text-stone-700">
            {statusLabel}
          </span>
        </div>
      </form>
    </details>
  );
}

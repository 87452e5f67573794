"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, type FormEvent } from "react";
import { flushSync } from "react-dom";

import { DocumentDetailsFields, readDocumentDetails, type DocumentDetailsValues } from "@/components/documents/document-details-fields";
import { toFormFailure, type FormFailure } from "@/components/documents/field-errors";
import { FilePicker, useFileSize } from "@/components/documents/import/file-picker";
import { checkImportFile, importFileMaxBytes } from "@/components/documents/import/import-file";
import { PasteArea, type PasteAreaHandle } from "@/components/documents/import/paste-area";
import { postDocument, type PastedDocumentRequest } from "@/components/documents/import/post-document";
import { ImportSourceChoice, type ImportSource } from "@/components/documents/import/import-source-choice";
import { SendingStatus, type SendingPhase } from "@/components/documents/import/sending-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type FormField = keyof DocumentDetailsValues | "paste" | "file";
const formFields: readonly FormField[] = ["title", "byline", "sourceUrl", "publishedAt", "paste", "file"];

/** The details given, without the empty ones (the server then takes them from the file, or leaves them out). */
function givenDetails(details: DocumentDetailsValues): Partial<DocumentDetailsValues> {
  return Object.fromEntries(Object.entries(details).filter(([, value]) => value !== "")) as Partial<DocumentDetailsValues>;
}

/**
 * "Add a document": the article pasted (rich text keeps its structure) or uploaded as a .txt, .md, .html or .docx
 * file, with its optional details. Sent to `POST /api/teams/{id}/documents`; the new document opens on success.
 */
export function AddDocumentForm({ teamId }: { teamId: string }) {
  const t = useTranslations("teams.newDocument");
  const translate = useTranslations();
  const router = useRouter();
  const fileSize = useFileSize();
  const id = useId();
  const pasteArea = useRef<PasteAreaHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [source, setSource] = useState<ImportSource>("paste");
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<SendingPhase>({ kind: "idle" });
  const [failure, setFailure] = useState<FormFailure<FormField>>({ message: null, fields: {} });
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
    const problem = chosen ? describeFileProblem(chosen) : undefined;
    setFailure({ message: null, fields: problem ? { file: problem } : {} });
  }

  /** Shows the problems and moves focus to the first field with one. */
  function fail(next: FormFailure<FormField>) {
    setFailure(next);
    const first = formFields.find((field) => next.fields[field]);
    if (first === "paste") pasteArea.current?.focus();
    else if (first === "file") fileInput.current?.focus();
    else if (first) document.querySelector<HTMLInputElement>(`#${CSS.escape(id)} [name="${first}"]`)?.focus();
  }

  /** The request's body, or null (with the problem shown) when there is nothing to send yet. */
  function buildBody(details: Partial<DocumentDetailsValues>): FormData | PastedDocumentRequest | null {
    if (source === "file") {
      const problem = file ? describeFileProblem(file) : t("fileRequired");
      if (!file || problem) {
        fail({ message: null, fields: { file: problem } });
        return null;
      }
      const form = new FormData();
      form.append("file", file);
      for (const [name, value] of Object.entries(details)) form.append(name, value);
      return form;
    }
    const pasted = pasteArea.current?.read();
    const problem = !pasted
      ? t("textRequired")
      : new TextEncoder().encode(pasted.content).byteLength > importFileMaxBytes
        ? t("textTooLarge", { maximum: fileSize(importFileMaxBytes) })
        : undefined;
    if (!pasted || problem) {
      fail({ message: null, fields: { paste: problem } });
      return null;
    }
    return { ...details, ...pasted };
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isBusy) return;
    const body = buildBody(givenDetails(readDocumentDetails(new FormData(event.currentTarget))));
    if (!body) return;
    setFailure({ message: null, fields: {} });
    setPhase({ kind: "sending", percent: 0 });
    try {
      const created = await postDocument(teamId, body, {
        onUploadProgress: ({ loaded, total }) =>
          setPhase(loaded >= total ? { kind: "importing" } : { kind: "sending", percent: Math.floor((loaded / total) * 100) }),
      });
      setPhase({ kind: "opening" });
      router.push(`/documents/${created.id}`);
    } catch (error) {
      // Rendered at once: the fields are enabled again before focus moves to the first with a problem.
      flushSync(() => setPhase({ kind: "idle" }));
      // An upload's `format` problem (415: not a format Margin reads) is about the file.
      fail(toFormFailure(error, translate, formFields, source === "file" ? { format: "file" } : { content: "paste" }));
    }
  }

  const pasteLabelId = `${id}-paste-label`;
  return (
    <form id={id} onSubmit={submit} className="flex max-w-2xl flex-col gap-5" noValidate aria-busy={isBusy || undefined}>
      {failure.message ? <Alert>{failure.message}</Alert> : null}
      <ImportSourceChoice value={source} onChange={setSource} disabled={isBusy} />
      <div hidden={source !== "paste"} className="flex flex-col gap-1">
        <span id={pasteLabelId} className="text-sm font-medium text-stone-800">
          {t("textLabel")}
        </span>
        <p id={`${id}-paste-hint`} className="text-sm text-stone-600">
          {t("textHint")}
        </p>
        <PasteArea
          ref={pasteArea}
          labelledBy={pasteLabelId}
          describedBy={failure.fields.paste ? `${id}-paste-hint ${id}-paste-error` : `${id}-paste-hint`}
          isInvalid={Boolean(failure.fields.paste)}
        />
        {failure.fields.paste ? (
          <p id={`${id}-paste-error`} className="text-sm text-red-700">
            {failure.fields.paste}
          </p>
        ) : null}
      </div>
      <div hidden={source !== "file"}>
        <FilePicker ref={fileInput} file={file} onChange={chooseFile} error={failure.fields.file} disabled={isBusy} />
      </div>
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-base font-semibold text-stone-900">{t("detailsLegend")}</legend>
        <p className="text-sm text-stone-600">{t("detailsHint")}</p>
        <DocumentDetailsFields errors={failure.fields} isTitleRequired={false} disabled={isBusy} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={isBusy}>
          {isBusy ? t("submitting") : t("submit")}
        </Button>
        <SendingStatus phase={phase} />
      </div>
    </form>
  );
}

"use client";

import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { EditorContent, useEditor } from "@tiptap/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

import { createArticleEditorExtensions } from "@/components/editor/editor-extensions";
import { EditorToolbar } from "@/components/editor/editor-toolbar";
import { LinkDialog } from "@/components/editor/link-dialog";
import { ReplaceFromFile } from "@/components/editor/replace-from-file";
import { SaveOutcomeMessage, type SaveOutcome } from "@/components/editor/save-outcome";
import { useUnsavedChangesWarning } from "@/components/editor/use-unsaved-changes-warning";
import { StaticArticle } from "@/components/documents/static-article";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cn } from "@/components/ui/cn";
import { ApiError, apiClient, describeApiError } from "@/lib/api/client";
import type { DocumentContent } from "@/lib/documents/content-schema";
import { versionLimits, type CreatedVersion } from "@/lib/versions/schema";

export type EditableArticle = {
  id: string;
  title: string;
  content: DocumentContent;
  /** The version being edited: sent as `baseVersion`, so a version someone saved meanwhile is a 409, not lost. */
  version: number;
  /** The content's language (BCP 47), or undefined when unknown. */
  contentLang: string | undefined;
};

/**
 * The article editor (owners and moderators): the article in tiptap with exactly the article's schema, a
 * toolbar, a note about the change, Save (a new version: POST /api/documents/{id}/versions with the editor's
 * JSON) and Cancel. Unsaved work is guarded; the outcome of each save is shown and focused. Below it, the text can
 * be replaced by a file (replace-from-file.tsx): a new version the editor then loads.
 */
export function ArticleEditor({ article }: { article: EditableArticle }) {
  const t = useTranslations("editor");
  const translate = useTranslations();
  const router = useRouter();
  const ids = { editor: useId(), help: useId(), note: useId(), noteHint: useId() };
  const documentPath = `/documents/${encodeURIComponent(article.id)}`;

  const [baseVersion, setBaseVersion] = useState(article.version);
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [isDirty, setIsDirty] = useState(false);
  const [isSaving, setIsSaving] = useState(false);
  const [isReplacing, setIsReplacing] = useState(false);
  const [isLinkDialogOpen, setIsLinkDialogOpen] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  // The document as last saved (or loaded): the editor is dirty while its document differs from this one.
  const savedDoc = useRef<ProseMirrorNode | null>(null);

  // Created once: a new list on each render would make tiptap reconfigure the editor every time.
  const [extensions] = useState(() => createArticleEditorExtensions({ placeholder: t("placeholder"), onOpenLinkDialog: () => setIsLinkDialogOpen(true) }));
  const editor = useEditor({
    extensions,
    content: article.content,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        id: ids.editor,
        "aria-label": t("articleLabel"),
        "aria-multiline": "true",
        "aria-describedby": ids.help,
        ...(article.contentLang ? { lang: article.contentLang } : {}),
        "data-testid": "article-editor",
      },
    },
    onCreate: ({ editor: created }) => {
      savedDoc.current = created.state.doc;
    },
    onUpdate: ({ editor: current }) => {
      setIsDirty(savedDoc.current !== null && !current.state.doc.eq(savedDoc.current));
    },
  });

  const hasUnsavedWork = isDirty || note.trim() !== "";
  const { allowLeaving } = useUnsavedChangesWarning(hasUnsavedWork);

  // While a file replaces the text, the text it replaces cannot change.
  useEffect(() => {
    if (editor && editor.isEditable === isReplacing) editor.setEditable(!isReplacing);
  }, [editor, isReplacing]);

  // Each outcome is focused once it is on screen, so it is read and the links after it are next in tab order.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function save() {
    if (!editor || isSaving) return;
    setNoteError(null);
    if (!isDirty) {
      setOutcome({ kind: "unchanged" });
      return;
    }
    setIsSaving(true);
    setOutcome(null);
    const doc = editor.state.doc;
    try {
      const created = await apiClient.createVersion(article.id, {
        format: "json",
        content: editor.getJSON(),
        note: note.trim() === "" ? undefined : note,
        baseVersion,
      });
      savedDoc.current = doc;
      setIsDirty(!editor.state.doc.eq(doc));
      setBaseVersion(created.number);
      setNote("");
      setOutcome({ kind: "saved", ...created });
    } catch (cause) {
      if (cause instanceof ApiError && cause.status === 409) {
        setOutcome({ kind: "conflict" });
      } else {
        const message = cause instanceof ApiError ? describeApiError(cause, translate) : t("noAnswer");
        const fields = cause instanceof ApiError ? (cause.details?.fields as Record<string, string> | undefined) : undefined;
        if (fields?.note) setNoteError(fields.note);
        setOutcome({ kind: "failed", message });
      }
    } finally {
      setIsSaving(false);
    }
  }

  /** A file replaced the text (version `created.number`): its outcome is shown and the editor loads the new text. */
  async function loadReplacement(created: CreatedVersion) {
    setOutcome({ kind: "saved", ...created });
    try {
      const latest = await apiClient.getDocument(article.id);
      if (!editor) return;
      // The old text is not one Ctrl+Z away: undoing would silently edit the new version back.
      editor
        .chain()
        .command(({ tr }) => {
          tr.setMeta("addToHistory", false);
          return true;
        })
        .setContent(latest.content, { emitUpdate: false })
        .run();
      savedDoc.current = editor.state.doc;
      setIsDirty(false);
      setBaseVersion(latest.version);
      // The page's own words ("You are editing version N") follow; the editor keeps its state.
      router.refresh();
    } catch {
      // The new version is saved but could not be fetched: the page loads it (nothing unsaved was in the editor).
      reloadLatest();
    }
  }

  function reloadLatest() {
    // The person chose to drop their changes for the newer version: no "Leave site?" question.
    allowLeaving();
    window.location.reload();
  }

  const cancelButton = (
    <Button variant="secondary" data-testid="cancel-edit">
      {t("cancel")}
    </Button>
  );

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby={`${ids.editor}-heading`} className="flex flex-col">
        <h2 id={`${ids.editor}-heading`} className="sr-only">
          {t("articleLabel")}
        </h2>
        {editor ? <EditorToolbar editor={editor} controlsId={ids.editor} onOpenLinkDialog={() => setIsLinkDialogOpen(true)} /> : null}
        <div className={cn("article-body article-editor", !editor && "rounded-md border border-stone-300")}>
          {editor ? <EditorContent editor={editor} /> : <StaticArticle content={article.content} />}
        </div>
        <p id={ids.help} className="mt-2 text-sm text-stone-600">
          {t("help")}
        </p>
      </section>
      {editor ? <LinkDialog editor={editor} isOpen={isLinkDialogOpen} onOpenChange={setIsLinkDialogOpen} /> : null}

      <div className="flex max-w-2xl flex-col gap-1">
        <label htmlFor={ids.note} className="text-sm font-medium text-stone-800">
          {t("noteLabel")}
        </label>
        <textarea
          id={ids.note}
          value={note}
          rows={2}
          maxLength={versionLimits.noteMax}
          aria-invalid={noteError ? true : undefined}
          aria-describedby={noteError ? `${ids.noteHint} ${ids.note}-error` : ids.noteHint}
          onChange={(event) => setNote(event.target.value)}
          className={cn(
            "w-full resize-y rounded-md border bg-white px-3 py-2 text-sm text-stone-900 outline-none focus-visible:ring-2 focus-visible:ring-sky-600",
            noteError ? "border-red-600" : "border-stone-300",
          )}
        />
        <p id={ids.noteHint} className="text-xs text-stone-600">
          {t("noteHint", { max: versionLimits.noteMax })}
        </p>
        {noteError ? (
          <p id={`${ids.note}-error`} className="text-sm text-red-700">
            {noteError}
          </p>
        ) : null}
      </div>

      {outcome ? <SaveOutcomeMessage ref={outcomeRef} outcome={outcome} documentId={article.id} onReload={reloadLatest} /> : null}

      {/* Always in reach while scrolling a long article. */}
      <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-2 border-t border-stone-200 bg-stone-50 px-4 py-3">
        <Button onClick={save} disabled={!editor || isSaving || isReplacing} aria-busy={isSaving || undefined} data-testid="save-version">
          {isSaving ? t("saving") : t("save")}
        </Button>
        {hasUnsavedWork ? (
          <ConfirmDialog
            trigger={cancelButton}
            title={t("discardTitle")}
            description={t("discardDescription")}
            confirmLabel={t("discardConfirm")}
            onConfirm={() => {
              setIsDirty(false);
              router.push(documentPath);
            }}
          />
        ) : (
          <Link
            href={documentPath}
            data-testid="cancel-edit"
            className="inline-flex h-10 items-center rounded-md border border-stone-300 bg-white px-4 text-sm font-medium text-stone-800 hover:bg-stone-100"
          >
            {t("cancel")}
          </Link>
        )}
        <p className="text-sm text-stone-600" aria-live="polite">
          {isDirty ? t("unsavedChanges") : null}
        </p>
      </div>

      <ReplaceFromFile
        documentId={article.id}
        baseVersion={baseVersion}
        hasUnsavedEdits={isDirty}
        onBusyChange={setIsReplacing}
        onReplaced={loadReplacement}
        onConflict={() => setOutcome({ kind: "conflict" })}
      />
    </div>
  );
}

"use client";

import type { Schema } from "@tiptap/pm/model";
import { Fragment, Slice } from "@tiptap/pm/model";
import { EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useImperativeHandle, type Ref } from "react";

import { fitPastedHeadings, splitPlainText, toPastedArticle, type PastedArticle } from "@/components/documents/import/pasted-article";
import { cn } from "@/components/ui/cn";
import { articleSchemaExtensions } from "@/lib/documents/article-schema";

export type PasteAreaHandle = {
  /** What the area holds, as the import API takes it; null when it holds no text. */
  read: () => PastedArticle | null;
  focus: () => void;
};

type PasteAreaProps = {
  ref?: Ref<PasteAreaHandle>;
  /** The element naming the area (its visible label) and those describing it (hint, error). */
  labelledBy: string;
  describedBy: string;
  isInvalid: boolean;
};

/** Plain text as paragraphs (pasted-article.ts: splitPlainText): one line inline, several as paragraphs. */
function plainTextSlice(schema: Schema, text: string): Slice {
  const paragraphs = splitPlainText(text);
  if (paragraphs.length === 0) return Slice.empty;
  if (paragraphs.length === 1) return new Slice(Fragment.from(schema.text(paragraphs[0]!)), 0, 0);
  return new Slice(Fragment.fromArray(paragraphs.map((paragraph) => schema.nodes.paragraph!.create(null, schema.text(paragraph)))), 1, 1);
}

/**
 * The article as shown in the reader, typed or pasted: a tiptap editor with the article's own schema
 * (lib/documents/article-schema.ts), so what a browser or Word puts on the clipboard as HTML keeps its headings,
 * paragraphs, lists, quotes, emphasis and links, and anything else (scripts, images, tables' layout) is dropped
 * by the schema before it is even shown. Plain text becomes paragraphs. The server sanitises again.
 */
export function PasteArea({ ref, labelledBy, describedBy, isInvalid }: PasteAreaProps) {
  const editor = useEditor({
    extensions: articleSchemaExtensions,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelledBy,
        "aria-describedby": describedBy,
        "data-testid": "paste-area",
        class: "min-h-64 max-h-[60vh] overflow-y-auto px-4 py-2 outline-none",
      },
      transformPastedHTML: fitPastedHeadings,
      clipboardTextParser: (text, _context, _plain, view) => plainTextSlice(view.state.schema, text),
      handleDOMEvents: {
        // Text with line breaks typed in one go (dictation, an input method, a test's fill) would otherwise land
        // as one paragraph with its breaks turned into spaces: it is treated as pasted plain text instead.
        beforeinput: (view, event) => {
          if (event.inputType !== "insertText" || !event.data?.includes("\n")) return false;
          event.preventDefault();
          view.pasteText(event.data);
          return true;
        },
      },
    },
  });

  useEffect(() => {
    if (!editor) return;
    // aria-invalid follows the form's error without rebuilding the editor's props.
    if (isInvalid) editor.view.dom.setAttribute("aria-invalid", "true");
    else editor.view.dom.removeAttribute("aria-invalid");
  }, [editor, isInvalid]);

  useImperativeHandle(
    ref,
    () => ({
      read: () => (editor ? toPastedArticle(editor.getJSON(), editor.getHTML()) : null),
      focus: () => editor?.commands.focus(),
    }),
    [editor],
  );

  return (
    <div
      className={cn(
        "rounded-md border bg-white font-serif text-base leading-7 text-stone-900 focus-within:ring-2 focus-within:ring-sky-600",
        "[&_a]:text-sky-800 [&_a]:underline [&_blockquote]:my-3 [&_blockquote]:border-l-4 [&_blockquote]:border-stone-300 [&_blockquote]:pl-4",
        "[&_h2]:mt-6 [&_h2]:mb-2 [&_h2]:font-sans [&_h2]:text-xl [&_h2]:font-semibold [&_h3]:mt-5 [&_h3]:mb-2 [&_h3]:font-sans [&_h3]:text-lg [&_h3]:font-semibold",
        "[&_ol]:my-3 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-3 [&_ul]:my-3 [&_ul]:list-disc [&_ul]:pl-6",
        isInvalid ? "border-red-600" : "border-stone-300",
      )}
    >
      <EditorContent editor={editor} />
    </div>
  );
}

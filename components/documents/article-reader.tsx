"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

import { articleKeyboardHelpId } from "@/components/documents/highlight-descriptions";
import { articleExtensions } from "@/components/editor/article-extensions";
import { getFocusedHighlightClaimId } from "@/components/editor/highlight-navigation";
import type { HighlightSegment } from "@/components/editor/highlight-segments";
import { StaticArticle } from "@/components/documents/static-article";
import type { DocumentContent } from "@/lib/documents/content-schema";
import { getDocTextIndex } from "@/components/editor/doc-text-index";
import { positionToTextOffset, textOffsetToPosition } from "@/lib/documents/text-index";

/** A selection in the article, as UTF-16 offsets into the document text. */
export type TextSelection = { start: number; end: number };

type ArticleReaderProps = {
  content: DocumentContent;
  textLength: number;
  segments: HighlightSegment[];
  activeClaimId: string | null;
  /** Called with the current selection (null when collapsed). */
  onSelectionChange: (selection: TextSelection | null) => void;
  /** A highlight was clicked, or Enter was pressed on one (or with the caret inside one). */
  onOpenClaim: (claimId: string, via: "keyboard" | "pointer") => void;
  /** The "Highlight claim" keyboard shortcut (Ctrl/⌘+Shift+H) was pressed in the article. */
  onHighlightShortcut: () => void;
  /** Receives the reader's imperative controls once the editor exists. */
  registerControls?: (controls: ArticleReaderControls) => void;
};

export type ArticleReaderControls = {
  /** Scrolls a claim's highlight into view and flashes it. */
  scrollToClaim: (claimId: string) => void;
  /** Collapses the selection (after a claim was made from it) and puts focus back in the article. */
  clearSelection: () => void;
  /** Focuses the highlight where a claim begins (components/editor/highlight-navigation.ts); false when not drawn. */
  focusHighlight: (claimId: string) => boolean;
  /** Puts focus back in the article, the caret where it was. */
  focus: () => void;
};

export const highlightShortcut = { label: "Ctrl+Shift+H", aria: "Control+Shift+H" } as const;

/**
 * The article rendered by tiptap. It stays `contenteditable` so that the caret and Shift+arrow selection work
 * from the keyboard, while ReadOnlyGuard drops every change to the text. Claims are drawn as decorations.
 */
export function ArticleReader(props: ArticleReaderProps) {
  const { content, segments, activeClaimId, registerControls } = props;
  const t = useTranslations("workspace");
  const label = t("articleText");
  // The editor is created once; these refs let its handlers see the latest props.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });

  const editor = useEditor({
    extensions: articleExtensions,
    content,
    editable: true,
    immediatelyRender: false,
    editorProps: {
      attributes: {
        "aria-label": label,
        "aria-readonly": "true",
        "aria-multiline": "true",
        "aria-keyshortcuts": `${highlightShortcut.aria} ] [ Alt+ArrowDown Alt+ArrowUp Shift+Alt+ArrowRight Shift+Alt+ArrowLeft`,
        "aria-describedby": articleKeyboardHelpId,
        spellcheck: "false",
        autocorrect: "off",
        autocapitalize: "off",
        translate: "no",
        "data-testid": "article-reader",
      },
      handleClick(_view, _position, event) {
        // A highlight, or the verdict badge after one (components/editor/verdict-badges.ts).
        const target = (event.target as Element | null)?.closest?.("mark[data-claim-id], [data-verdict-for]");
        const claimId = target?.getAttribute("data-claim-id") ?? target?.getAttribute("data-verdict-for");
        if (claimId) latest.current.onOpenClaim(claimId, "pointer");
        return false;
      },
      handleKeyDown(view, event) {
        if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === "h") {
          event.preventDefault();
          latest.current.onHighlightShortcut();
          return true;
        }
        if (event.key === "Enter" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
          const offset = positionToTextOffset(getDocTextIndex(view.state.doc), view.state.selection.from);
          const segment = latest.current.segments.find((item) => item.start <= offset && offset < item.end);
          const claimId = getFocusedHighlightClaimId(view) ?? segment?.claims[0]?.claimId;
          if (claimId) latest.current.onOpenClaim(claimId, "keyboard");
          return true; // Enter never edits the article.
        }
        return false;
      },
    },
    onSelectionUpdate({ editor: current }) {
      const { from, to } = current.state.selection;
      const index = getDocTextIndex(current.state.doc);
      latest.current.onSelectionChange(from === to ? null : { start: positionToTextOffset(index, from), end: positionToTextOffset(index, to) });
    },
  });

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.setClaimHighlights(segments, activeClaimId);
  }, [editor, segments, activeClaimId]);

  // The editor keeps the attributes it was created with: a change of interface language renames the article.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const { editorProps } = editor.options;
    if (editorProps.attributes && typeof editorProps.attributes === "object" && editorProps.attributes["aria-label"] !== label) {
      editor.setOptions({ editorProps: { ...editorProps, attributes: { ...editorProps.attributes, "aria-label": label } } });
    }
  }, [editor, label]);

  useEffect(() => {
    if (!editor || !registerControls) return;
    registerControls({
      scrollToClaim(claimId) {
        const mark = editor.view.dom.querySelector<HTMLElement>(`mark[data-claim-ids~="${CSS.escape(claimId)}"]`);
        if (!mark) return;
        const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        mark.scrollIntoView({ block: "center", behavior: reduceMotion ? "auto" : "smooth" });
        // Reduced motion: no flash either; the open claim's deeper tint and outline still mark it.
        if (reduceMotion) return;
        mark.classList.add("claim-highlight--flash");
        window.setTimeout(() => mark.classList.remove("claim-highlight--flash"), 1200);
      },
      clearSelection() {
        const { to } = editor.state.selection;
        editor.chain().setTextSelection(Math.min(to, textOffsetToPosition(getDocTextIndex(editor.state.doc), latest.current.textLength))).run();
      },
      focusHighlight: (claimId) => editor.commands.focusClaimHighlight(claimId),
      focus: () => editor.view.focus(),
    });
  }, [editor, registerControls]);

  return (
    <div className="article-body">
      {editor ? <EditorContent editor={editor} /> : <StaticArticle content={content} />}
    </div>
  );
}

"use client";

import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useTranslations } from "next-intl";
import { useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";

import { detectPlatform, editorActions, editorShortcuts, formatShortcut, nextToolbarIndex, type EditorAction, type Platform } from "@/components/editor/editor-shortcuts";
import { cn } from "@/components/ui/cn";

type ToolbarState = Record<EditorAction, { isActive: boolean; isEnabled: boolean }>;

/** What each action does to the editor; the link opens a dialog instead. */
function runAction(editor: Editor, action: Exclude<EditorAction, "link">): void {
  const chain = editor.chain().focus();
  switch (action) {
    case "heading2":
      chain.toggleHeading({ level: 2 }).run();
      return;
    case "heading3":
      chain.toggleHeading({ level: 3 }).run();
      return;
    case "paragraph":
      chain.setParagraph().run();
      return;
    case "bold":
      chain.toggleBold().run();
      return;
    case "italic":
      chain.toggleItalic().run();
      return;
    case "bulletList":
      chain.toggleBulletList().run();
      return;
    case "orderedList":
      chain.toggleOrderedList().run();
      return;
    case "blockquote":
      chain.toggleBlockquote().run();
      return;
    case "undo":
      chain.undo().run();
      return;
    case "redo":
      chain.redo().run();
      return;
  }
}

function readToolbarState(editor: Editor): ToolbarState {
  const can = editor.can();
  const entry = (isActive: boolean, isEnabled = true) => ({ isActive, isEnabled });
  return {
    heading2: entry(editor.isActive("heading", { level: 2 })),
    heading3: entry(editor.isActive("heading", { level: 3 })),
    paragraph: entry(editor.isActive("paragraph") && !editor.isActive("listItem") && !editor.isActive("blockquote")),
    bold: entry(editor.isActive("bold")),
    italic: entry(editor.isActive("italic")),
    link: entry(editor.isActive("link")),
    bulletList: entry(editor.isActive("bulletList")),
    orderedList: entry(editor.isActive("orderedList")),
    blockquote: entry(editor.isActive("blockquote")),
    undo: entry(false, can.undo()),
    redo: entry(false, can.redo()),
  };
}

/** The actions that are a state of the text (aria-pressed); undo and redo are plain buttons. */
const toggles = new Set<EditorAction>(["heading2", "heading3", "paragraph", "bold", "italic", "link", "bulletList", "orderedList", "blockquote"]);
/** Where the toolbar draws a divider before an action (groups: blocks, marks, containers, history). */
const groupStarts = new Set<EditorAction>(["bold", "bulletList", "undo"]);

const subscribeToNothing = () => () => {};
function usePlatform(): Platform {
  // The server cannot know; the client names the keys of its own keyboard.
  return useSyncExternalStore(subscribeToNothing, () => detectPlatform(navigator.platform), () => "other");
}

type EditorToolbarProps = {
  editor: Editor;
  /** The id of the editable article, which the toolbar acts on. */
  controlsId: string;
  onOpenLinkDialog: () => void;
};

/**
 * The editor's toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys, Home and End move between its
 * buttons. Each button says its state (`aria-pressed`) and its shortcut (`aria-keyshortcuts`, and in its tooltip).
 */
export function EditorToolbar({ editor, controlsId, onOpenLinkDialog }: EditorToolbarProps) {
  const t = useTranslations("editor");
  const platform = usePlatform();
  const state = useEditorState({ editor, selector: ({ editor: current }) => readToolbarState(current) });
  const [focusIndex, setFocusIndex] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = nextToolbarIndex(focusIndex, event.key, editorActions.length);
    if (next === null) return;
    event.preventDefault();
    setFocusIndex(next);
    buttons.current[next]?.focus();
  }

  return (
    <div
      role="toolbar"
      aria-label={t("toolbarLabel")}
      aria-controls={controlsId}
      onKeyDown={onKeyDown}
      className="sticky top-0 z-10 flex flex-wrap items-center gap-1 rounded-t-md border border-b-0 border-stone-300 bg-stone-100 p-1.5"
    >
      {editorActions.map((action, index) => {
        const shortcut = formatShortcut(editorShortcuts[action], platform);
        const { isActive, isEnabled } = state[action];
        return (
          <span key={action} className="contents">
            {groupStarts.has(action) ? <span aria-hidden="true" className="mx-1 h-6 w-px bg-stone-300" /> : null}
            <button
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              tabIndex={index === focusIndex ? 0 : -1}
              aria-pressed={toggles.has(action) ? isActive : undefined}
              aria-disabled={isEnabled ? undefined : true}
              aria-haspopup={action === "link" ? "dialog" : undefined}
              aria-keyshortcuts={shortcut.aria}
              title={t("shortcutHint", { action: t(`actions.${action}`), shortcut: shortcut.label })}
              data-editor-action={action}
              onFocus={() => setFocusIndex(index)}
              onMouseDown={(event) => event.preventDefault() /* keep the editor's selection and focus */}
              onClick={() => {
                if (!isEnabled) return;
                if (action === "link") onOpenLinkDialog();
                else runAction(editor, action);
              }}
              className={cn(
                "h-8 rounded px-2 text-sm text-stone-800 hover:bg-white focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-600",
                isActive && "bg-stone-800 text-white hover:bg-stone-700",
                !isEnabled && "cursor-not-allowed text-stone-500 hover:bg-transparent",
                action === "bold" && "font-bold",
                action === "italic" && "italic",
              )}
            >
              {t(`actions.${action}`)}
            </button>
          </span>
        );
      })}
    </div>
  );
}

"use client";

import { useLocale } from "next-intl";
import { useEffect, useMemo, useState, type RefObject } from "react";

import type { TextSelection } from "@/components/documents/article-reader";
import { snapToWords } from "@/lib/documents/text-boundaries";

/** Keys that move the caret or the selection: after one of these, the selection was made with the keyboard. */
const selectionKeys = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown"]);

/**
 * The passage selected in the article, as the reader reports it, and whether the browser's selection is
 * somewhere else (say, in the side panel): a selection made outside the article must not turn a stale article
 * selection into a claim. `selectedText` is null unless the selection is in the article and not blank.
 *
 * A selection made with the keyboard covers whole words (lib/documents/text-boundaries.ts: snapToWords, in the
 * text's language `lang`, else the interface's): Shift+→ that stops inside a word highlights the whole word. A
 * selection made with the pointer is taken as it is.
 */
export function useTextSelection(articleRef: RefObject<HTMLElement | null>, text: string, lang?: string) {
  const interfaceLocale = useLocale();
  const locale = lang ?? interfaceLocale;
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [isSelectionOutside, setIsSelectionOutside] = useState(false);
  const [isKeyboardSelection, setIsKeyboardSelection] = useState(false);

  useEffect(() => {
    const onSelectionChange = () => {
      const domSelection = document.getSelection();
      const isOutside =
        !!domSelection && !domSelection.isCollapsed && !!domSelection.anchorNode && !articleRef.current?.contains(domSelection.anchorNode);
      setIsSelectionOutside(isOutside);
    };
    document.addEventListener("selectionchange", onSelectionChange);
    return () => document.removeEventListener("selectionchange", onSelectionChange);
  }, [articleRef]);

  useEffect(() => {
    const article = articleRef.current;
    if (!article) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (selectionKeys.has(event.key) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a")) setIsKeyboardSelection(true);
    };
    const onPointerDown = () => setIsKeyboardSelection(false);
    article.addEventListener("keydown", onKeyDown);
    article.addEventListener("pointerdown", onPointerDown);
    return () => {
      article.removeEventListener("keydown", onKeyDown);
      article.removeEventListener("pointerdown", onPointerDown);
    };
  }, [articleRef]);

  const effectiveSelection = useMemo(
    () => (selection && isKeyboardSelection ? snapToWords(text, selection, locale) : selection),
    [selection, isKeyboardSelection, text, locale],
  );

  const selectedText = useMemo(() => {
    if (!effectiveSelection || isSelectionOutside) return null;
    const selected = text.slice(effectiveSelection.start, effectiveSelection.end);
    return selected.trim().length > 0 ? selected : null;
  }, [effectiveSelection, isSelectionOutside, text]);

  return { selection: effectiveSelection, setSelection, isSelectionOutside, selectedText };
}

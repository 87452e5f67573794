"use client";

import { useEffect, useMemo, useState, type RefObject } from "react";

import type { TextSelection } from "@/components/documents/article-reader";

/**
 * The passage selected in the article, as the reader reports it, and whether the browser's selection is
 * somewhere else (say, in the side panel): a selection made outside the article must not turn a stale article
 * selection into a claim. `selectedText` is null unless the selection is in the article and not blank.
 */
export function useTextSelection(articleRef: RefObject<HTMLElement | null>, text: string) {
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [isSelectionOutside, setIsSelectionOutside] = useState(false);

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

  const selectedText = useMemo(() => {
    if (!selection || isSelectionOutside) return null;
    const selected = text.slice(selection.start, selection.end);
    return selected.trim().length > 0 ? selected : null;
  }, [selection, isSelectionOutside, text]);

  return { selection, setSelection, isSelectionOutside, selectedText };
}

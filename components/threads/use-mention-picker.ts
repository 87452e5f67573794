"use client";

import { useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";

import { filterMentionCandidates, findMentionQuery, insertMention, type MentionCandidate } from "@/lib/threads/mentions";

/** Who can be mentioned in a comment box, or `isLoading` while the team's members are being read. */
export type MentionSource = { candidates: readonly MentionCandidate[]; isLoading: boolean };

type UseMentionPickerOptions = {
  source: MentionSource | undefined;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  body: string;
  setBody: (body: string) => void;
};

/**
 * The `@` picker of a comment box: while the text before the caret is an `@query` (lib/threads/mentions.ts), it
 * offers the members whose name matches. Arrow keys move through them, Enter or Tab picks one (inserting
 * `@Name `), Escape closes the picker for that `@` (typing another `@` opens it again). The box keeps focus
 * throughout; the active option is its `aria-activedescendant`.
 */
export function useMentionPicker({ source, textareaRef, body, setBody }: UseMentionPickerOptions) {
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState({ key: "", index: 0 });
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  // Where the caret goes once a pick's text is on screen.
  const pendingCaret = useRef<number | null>(null);

  const found = source ? findMentionQuery(body, Math.min(caret, body.length)) : null;
  // Once that `@` is gone, a new one in its place opens the picker again.
  if (found === null && dismissedAt !== null) setDismissedAt(null);
  const query = found && found.start !== dismissedAt ? found : null;
  const options = query && source ? filterMentionCandidates(source.candidates, query.query) : [];
  const isLoading = query !== null && source?.isLoading === true;
  const isOpen = options.length > 0;
  const queryKey = query ? `${query.start}:${query.query}` : "";
  const activeIndex = active.key === queryKey ? Math.min(active.index, Math.max(options.length - 1, 0)) : 0;

  // After a pick has changed the text, put the caret after the inserted name.
  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    textareaRef.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    textareaRef.current?.focus();
    pendingCaret.current = null;
  });

  function pick(candidate: MentionCandidate) {
    if (!query) return;
    const next = insertMention(body, query, candidate.name);
    setBody(next.text);
    setCaret(next.caret);
    pendingCaret.current = next.caret;
  }

  /** Handles the picker's keys; true when the key was the picker's (the box must not act on it too). */
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
    if (!isOpen && !isLoading) return false;
    const hasModifier = event.ctrlKey || event.metaKey || event.altKey;
    if (event.key === "Escape") {
      setDismissedAt(query!.start);
    } else if (!isOpen || hasModifier) {
      return false;
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive({ key: queryKey, index: (activeIndex + step + options.length) % options.length });
    } else if ((event.key === "Enter" || event.key === "Tab") && !event.shiftKey) {
      pick(options[activeIndex]!);
    } else {
      return false;
    }
    event.preventDefault();
    // Escape closes the picker only, not the reply or edit box around it.
    event.stopPropagation();
    return true;
  }

  return {
    options,
    activeIndex,
    isOpen,
    isLoading,
    pick,
    onKeyDown,
    /** Follow the caret: call on change, select (caret moves, clicks) and key up. */
    trackCaret: (textarea: HTMLTextAreaElement) => setCaret(textarea.selectionStart),
  };
}

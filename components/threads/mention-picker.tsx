"use client";

import { useTranslations } from "next-intl";

import { cn } from "@/components/ui/cn";
import type { MentionCandidate } from "@/lib/threads/mentions";

type MentionPickerProps = {
  /** The listbox's id: the comment box's `aria-controls`. */
  id: string;
  options: readonly MentionCandidate[];
  activeIndex: number;
  isOpen: boolean;
  isLoading: boolean;
  onPick: (candidate: MentionCandidate) => void;
};

/** The id of an option, for the comment box's `aria-activedescendant`. */
export function mentionOptionId(listboxId: string, index: number): string {
  return `${listboxId}-option-${index}`;
}

/**
 * The members a comment box offers to mention, under the box: a listbox whose active option follows the arrow
 * keys (the box keeps focus), picked with Enter, Tab or a click. A polite status says how many match and how to
 * choose, for screen readers that do not follow `aria-activedescendant` in a text box.
 */
export function MentionPicker({ id, options, activeIndex, isOpen, isLoading, onPick }: MentionPickerProps) {
  const t = useTranslations("threads");
  return (
    <>
      <p className="sr-only" role="status">
        {isOpen ? t("mentionMatches", { count: options.length }) : isLoading ? t("membersLoading") : ""}
      </p>
      {isLoading && !isOpen ? (
        <p aria-hidden className="absolute inset-x-0 top-full z-20 mt-1 rounded-md border border-stone-200 bg-white px-3 py-2 text-sm text-stone-500 shadow-lg">
          {t("membersLoading")}
        </p>
      ) : null}
      {isOpen ? (
        <ul
          id={id}
          role="listbox"
          aria-label={t("mentionSuggestions")}
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-60 overflow-y-auto rounded-md border border-stone-200 bg-white py-1 shadow-lg"
        >
          {options.map((option, index) => (
            <li
              key={option.userId}
              id={mentionOptionId(id, index)}
              role="option"
              aria-selected={index === activeIndex}
              // Keep focus (and the caret) in the comment box.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => onPick(option)}
              className={cn(
                "cursor-pointer px-3 py-1.5 text-sm text-stone-800",
                index === activeIndex ? "bg-sky-100 text-sky-950 outline-2 -outline-offset-2 outline-sky-600" : "hover:bg-stone-100",
              )}
            >
              {option.name}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

import type { RatingIcon } from "@/lib/verdicts/rating-display";

/**
 * Each rating icon as SVG paths on a 16×16 grid, stroked in the current colour; `filled` paths are filled too.
 * Shared by the React icon (rating-icon.tsx) and the article's verdict badges, built as DOM by ProseMirror
 * (components/editor/verdict-badges.ts).
 */
export const ratingIconPaths: Record<RatingIcon, readonly { d: string; filled?: boolean }[]> = {
  check: [{ d: "M3.5 8.5l3 3 6-7" }],
  cross: [{ d: "M4.5 4.5l7 7" }, { d: "M11.5 4.5l-7 7" }],
  half: [{ d: "M8 2.5a5.5 5.5 0 0 0 0 11z", filled: true }, { d: "M8 2.5a5.5 5.5 0 0 1 0 11" }],
  question: [{ d: "M6 6.2a2 2 0 1 1 2.8 1.8c-.6.3-.8.7-.8 1.3v.4" }, { d: "M8 12.2v.1" }],
  mark: [{ d: "M8 2.5l1.6 3.4 3.7.4-2.8 2.5.8 3.7L8 10.6l-3.3 1.9.8-3.7-2.8-2.5 3.7-.4z" }],
};

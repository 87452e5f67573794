/** How the compare page shows a comparison (kept in its `?view=`): in reading order, or in two columns. */
export const diffViews = ["inline", "side-by-side"] as const;
export type DiffView = (typeof diffViews)[number];

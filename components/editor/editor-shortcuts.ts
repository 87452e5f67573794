/**
 * The editor's keyboard shortcuts, as the toolbar announces them (`aria-keyshortcuts`) and shows them (its
 * tooltips). The keys are those tiptap's extensions bind (Bold `Mod-b`, Heading `Mod-Alt-2`, BulletList
 * `Mod-Shift-8`, UndoRedo `Mod-z`…); the link dialog's `Mod-k` is the editor's own (article-editor.tsx). Pure.
 */

/** The toolbar's actions, in the order the toolbar shows them. */
export const editorActions = [
  "heading2",
  "heading3",
  "paragraph",
  "bold",
  "italic",
  "link",
  "bulletList",
  "orderedList",
  "blockquote",
  "undo",
  "redo",
] as const;
export type EditorAction = (typeof editorActions)[number];

/** `Mod` is Command on a Mac and Control elsewhere, as tiptap (ProseMirror's keymap) reads it. */
type Key = "Mod" | "Alt" | "Shift" | string;

/** Each action's shortcut, as the keys pressed together (the last one is the character). */
export const editorShortcuts: Record<EditorAction, readonly Key[]> = {
  heading2: ["Mod", "Alt", "2"],
  heading3: ["Mod", "Alt", "3"],
  paragraph: ["Mod", "Alt", "0"],
  bold: ["Mod", "B"],
  italic: ["Mod", "I"],
  link: ["Mod", "K"],
  bulletList: ["Mod", "Shift", "8"],
  orderedList: ["Mod", "Shift", "7"],
  blockquote: ["Mod", "Shift", "B"],
  undo: ["Mod", "Z"],
  redo: ["Mod", "Shift", "Z"],
};

export type Platform = "mac" | "other";

/** The platform whose keys to name, from `navigator.platform` / `navigator.userAgentData.platform`. */
export function detectPlatform(platform: string | undefined): Platform {
  return platform && /mac|iphone|ipad|ipod/iu.test(platform) ? "mac" : "other";
}

const ariaNames: Record<Platform, Record<string, string>> = {
  mac: { Mod: "Meta", Alt: "Alt", Shift: "Shift" },
  other: { Mod: "Control", Alt: "Alt", Shift: "Shift" },
};

const labelNames: Record<Platform, Record<string, string>> = {
  mac: { Mod: "⌘", Alt: "⌥", Shift: "⇧" },
  other: { Mod: "Ctrl", Alt: "Alt", Shift: "Shift" },
};

/**
 * A shortcut as `aria-keyshortcuts` wants it ("Control+Shift+8", modifiers first, names from the UI Events spec)
 * and as a person reads it ("Ctrl+Shift+8", "⌘⇧8" on a Mac).
 */
export function formatShortcut(keys: readonly Key[], platform: Platform): { aria: string; label: string } {
  const aria = keys.map((key) => ariaNames[platform][key] ?? key.toUpperCase()).join("+");
  const labels = keys.map((key) => labelNames[platform][key] ?? key.toUpperCase());
  return { aria, label: platform === "mac" ? labels.join("") : labels.join("+") };
}

/** Where focus goes in the toolbar (one tab stop; arrows, Home and End move within it), or null for other keys. */
export function nextToolbarIndex(current: number, key: string, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowRight":
      return (current + 1) % count;
    case "ArrowLeft":
      return (current - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

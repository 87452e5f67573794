import { Extension } from "@tiptap/core";

export type LinkShortcutOptions = {
  /** Opens the editor's link dialog (components/editor/link-dialog.tsx). */
  onOpenLinkDialog: () => void;
};

/**
 * Ctrl/⌘+K in the article editor opens the link dialog, as in word processors and most web editors. tiptap's
 * Link extension binds no key of its own; the dialog validates the address (components/editor/link-href.ts).
 */
export const LinkShortcut = Extension.create<LinkShortcutOptions>({
  name: "linkShortcut",

  addOptions() {
    return { onOpenLinkDialog: () => {} };
  },

  addKeyboardShortcuts() {
    return {
      "Mod-k": () => {
        this.options.onOpenLinkDialog();
        return true;
      },
    };
  },
});

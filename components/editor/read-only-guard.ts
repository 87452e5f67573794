import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";

const readOnlyGuardKey = new PluginKey("readOnlyGuard");

const swallow = (_view: unknown, event: Event) => {
  event.preventDefault();
  return true;
};

/**
 * Keeps the article read-only while leaving it `contenteditable`, so the browser gives it a caret and
 * Shift+arrow keyboard selection (a `contenteditable=false` article has neither). Every transaction that would
 * change the document is dropped, and typing, IME, paste, cut and drop are stopped before they touch the DOM.
 */
export const ReadOnlyGuard = Extension.create({
  name: "readOnlyGuard",

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: readOnlyGuardKey,
        filterTransaction: (transaction) => !transaction.docChanged,
        props: {
          handleTextInput: () => true,
          handlePaste: () => true,
          handleDrop: () => true,
          handleDOMEvents: {
            beforeinput: swallow,
            cut: swallow,
            paste: swallow,
            drop: swallow,
            dragstart: swallow,
          },
        },
      }),
    ];
  },
});

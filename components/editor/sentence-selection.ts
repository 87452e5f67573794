import { Extension } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";

import { getContentLocale } from "@/components/editor/content-locale";
import { extendBySentence, type SentenceDirection } from "@/lib/documents/text-boundaries";
import { getDocTextIndex } from "@/components/editor/doc-text-index";
import { positionToTextOffset, textOffsetToPosition } from "@/lib/documents/text-index";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    sentenceSelection: {
      /** Moves the selection's head by a sentence (lib/documents/text-boundaries.ts: extendBySentence). */
      extendSelectionBySentence: (direction: SentenceDirection) => ReturnType;
    };
  }
}

/**
 * Shift+Alt+→ extends the article's selection to the end of the sentence, Shift+Alt+← takes it back (or extends it
 * backwards), with `Intl.Segmenter` in the article's language. The plain text is the editor's own (components/editor/doc-text-index.ts),
 * built the way the stored document text is, so offsets map to positions as everywhere else.
 */
export const SentenceSelection = Extension.create({
  name: "sentenceSelection",

  addCommands() {
    return {
      extendSelectionBySentence:
        (direction) =>
        ({ tr, view, dispatch }) => {
          const { doc, selection } = tr;
          const index = getDocTextIndex(doc);
          const text = index.text;
          const toOffset = (position: number) => positionToTextOffset(index, position);
          const next = extendBySentence(text, { anchor: toOffset(selection.anchor), head: toOffset(selection.head) }, direction, getContentLocale(view.dom));
          if (dispatch) {
            tr.setSelection(TextSelection.create(doc, textOffsetToPosition(index, next.anchor), textOffsetToPosition(index, next.head))).scrollIntoView();
          }
          return true;
        },
    };
  },

  addKeyboardShortcuts() {
    return {
      "Shift-Alt-ArrowRight": ({ editor }) => editor.commands.extendSelectionBySentence("forward"),
      "Shift-Alt-ArrowLeft": ({ editor }) => editor.commands.extendSelectionBySentence("backward"),
    };
  },
});

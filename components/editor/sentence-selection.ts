import { Extension } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";

import { getContentLocale } from "@/components/editor/content-locale";
import { extendBySentence, type SentenceDirection } from "@/lib/documents/text-boundaries";
import { blockSeparator, positionToTextOffset, textOffsetToPosition } from "@/lib/documents/text-index";

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
 * backwards), with `Intl.Segmenter` in the article's language. The plain text is the editor's own, built the way
 * the stored document text is (blocks joined by a blank line), so offsets map to positions as everywhere else.
 */
export const SentenceSelection = Extension.create({
  name: "sentenceSelection",

  addCommands() {
    return {
      extendSelectionBySentence:
        (direction) =>
        ({ tr, view, dispatch }) => {
          const { doc, selection } = tr;
          const text = doc.textBetween(0, doc.content.size, blockSeparator);
          const toOffset = (position: number) => positionToTextOffset(position, text.length);
          const next = extendBySentence(text, { anchor: toOffset(selection.anchor), head: toOffset(selection.head) }, direction, getContentLocale(view.dom));
          if (dispatch) {
            tr.setSelection(TextSelection.create(doc, textOffsetToPosition(next.anchor), textOffsetToPosition(next.head))).scrollIntoView();
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

import { Placeholder, UndoRedo } from "@tiptap/extensions";

import { LinkShortcut } from "@/components/editor/link-shortcut";
import { articleSchemaExtensions } from "@/lib/documents/article-schema";

type ArticleEditorExtensionOptions = {
  /** Shown in an empty article (an empty first paragraph). */
  placeholder: string;
  /** Ctrl/⌘+K: open the link dialog. */
  onOpenLinkDialog: () => void;
};

/**
 * The article editor's extensions: exactly the article's schema (lib/documents/article-schema.ts, the reader's
 * and the import's too), so anything typed or pasted is what a version may store (paste is parsed by that
 * schema: unknown elements keep only their text, links keep only http(s) and mailto), plus editing-only
 * behaviour that adds no node or mark: undo/redo history, a placeholder, the link shortcut.
 */
export function createArticleEditorExtensions({ placeholder, onOpenLinkDialog }: ArticleEditorExtensionOptions) {
  return [
    ...articleSchemaExtensions,
    UndoRedo,
    Placeholder.configure({ placeholder }),
    LinkShortcut.configure({ onOpenLinkDialog }),
  ];
}

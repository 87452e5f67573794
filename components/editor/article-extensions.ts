import Document from "@tiptap/extension-document";
import Heading from "@tiptap/extension-heading";
import Paragraph from "@tiptap/extension-paragraph";
import Text from "@tiptap/extension-text";

import { Caption } from "@/components/editor/caption";
import { ClaimHighlights } from "@/components/editor/claim-highlights";
import { HighlightNavigation } from "@/components/editor/highlight-navigation";
import { ReadOnlyGuard } from "@/components/editor/read-only-guard";
import { SentenceSelection } from "@/components/editor/sentence-selection";

/** The one list of extensions the article reader uses; it matches lib/documents/content-schema.ts. */
export const articleExtensions = [
  Document,
  Paragraph,
  Text,
  Heading.configure({ levels: [2, 3] }),
  Caption,
  ReadOnlyGuard,
  ClaimHighlights,
  HighlightNavigation,
  SentenceSelection,
];

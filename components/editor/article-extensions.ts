

import { articleSchemaExtensions } from "@/lib/documents/article-schema";
import { ClaimHighlights } from "@/components/editor/claim-highlights";
import { HighlightNavigation } from "@/components/editor/highlight-navigation";
import { ReadOnlyGuard } from "@/components/editor/read-only-guard";
import { SentenceSelection } from "@/components/editor/sentence-selection";

/** The one list of extensions the article reader uses; its schema is lib/documents/article-schema.ts. */
export const articleExtensions = [
  ...articleSchemaExtensions,
  ReadOnlyGuard,
  ClaimHighlights,
  HighlightNavigation,
  SentenceSelection,
];

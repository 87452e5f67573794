import { z } from "zod";

import { splitArticleText } from "@/lib/documents/article-import";
import { documentBlocksMax } from "@/lib/documents/content-schema";
import { documentLanguageSchema } from "@/lib/documents/language";
import { userText } from "@/lib/validation/text";

export const documentLimits = { titleMax: 200, textMax: 200_000, blocksMax: documentBlocksMax } as const;

/** A new document: a title and the article's plain text (see lib/documents/article-import.ts). */
export const createDocumentInputSchema = z.object({
  title: userText({ label: "A title", trim: true }).min(1, "Give the document a title").max(documentLimits.titleMax, `At most ${documentLimits.titleMax} characters`),
  text: userText({ label: "An article", multiline: true })
    .min(1, "Paste the article's text")
    .max(documentLimits.textMax, `An article has at most ${documentLimits.textMax.toLocaleString("en")} characters`)
    // Counted as the import will split it: blank text, or a date line alone, has no paragraph to show, and a
    // document with more blocks than `documentContentSchema` allows could be stored but never read back.
    .superRefine((text, context) => {
      const { blocks } = splitArticleText(text);
      if (blocks.length === 0) context.addIssue({ code: "custom", message: "Paste the article's text" });
      else if (blocks.length > documentLimits.blocksMax) {
        context.addIssue({ code: "custom", message: `An article has at most ${documentLimits.blocksMax.toLocaleString("en")} paragraphs` });
      }
    }),
  /** The content's language (BCP 47); detected from the text when left out. */
  lang: documentLanguageSchema.optional(),
});

export type CreateDocumentInput = z.infer<typeof createDocumentInputSchema>;

/** A change to a document: today its language (`lang`, BCP 47). */
export const updateDocumentInputSchema = z.strictObject({ lang: documentLanguageSchema });

export type UpdateDocumentInput = z.infer<typeof updateDocumentInputSchema>;
export type UpdateDocumentRequest = z.input<typeof updateDocumentInputSchema>;

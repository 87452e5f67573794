import { z } from "zod";

import { splitArticleText } from "@/lib/documents/article-import";
import { documentBlocksMax } from "@/lib/documents/content-schema";
import { documentLanguageSchema } from "@/lib/documents/language";
import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

export const documentLimits = { titleMax: 200, textMax: 200_000, blocksMax: documentBlocksMax } as const;

const tooManyParagraphs = validationMessage("validation.documents.tooManyParagraphs", { maximum: documentLimits.blocksMax });

/** A new document: a title and the article's plain text (see lib/documents/article-import.ts). */
export const createDocumentInputSchema = z.object({
  title: userText({ label: "validation.labels.title", trim: true })
    .min(1, validationMessage("validation.documents.titleRequired"))
    .max(documentLimits.titleMax, validationMessage("validation.documents.titleTooLong", { maximum: documentLimits.titleMax })),
  text: userText({ label: "validation.labels.article", multiline: true })
    .min(1, validationMessage("validation.documents.textRequired"))
    .max(documentLimits.textMax, validationMessage("validation.documents.textTooLong", { maximum: documentLimits.textMax }))
    // Counted as the import will split it: blank text, or a date line alone, has no paragraph to show, and a
    // document with more blocks than `documentContentSchema` allows could be stored but never read back.
    .superRefine((text, context) => {
      const { blocks } = splitArticleText(text);
      if (blocks.length === 0) context.addIssue({ code: "custom", message: validationMessage("validation.documents.textRequired") });
      else if (blocks.length > documentLimits.blocksMax) {
        context.addIssue({ code: "custom", message: tooManyParagraphs });
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

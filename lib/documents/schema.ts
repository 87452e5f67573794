import { z } from "zod";

import { userText } from "@/lib/validation/text";

export const documentLimits = { titleMax: 200, textMax: 200_000 } as const;

/** A new document: a title and the article's plain text (see lib/documents/article-import.ts). */
export const createDocumentInputSchema = z.object({
  title: userText({ label: "A title", trim: true }).min(1, "Give the document a title").max(documentLimits.titleMax, `At most ${documentLimits.titleMax} characters`),
  text: userText({ label: "An article", multiline: true })
    .min(1, "Paste the article's text")
    .max(documentLimits.textMax, `An article has at most ${documentLimits.textMax.toLocaleString("en")} characters`)
    .refine((text) => text.trim().length > 0, "Paste the article's text"),
});

export type CreateDocumentInput = z.infer<typeof createDocumentInputSchema>;

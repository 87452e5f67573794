import { z } from "zod";

import { splitArticleText } from "@/lib/documents/article-import";
import { documentBlocksMax } from "@/lib/documents/content-schema";
import { jsonImportFormats, type ImportFormat } from "@/lib/documents/import/formats";
import { bylineMax, cleanPublishedOn, sourceUrlMax } from "@/lib/documents/import/metadata";
import { documentLanguageSchema } from "@/lib/documents/language";
import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

export const documentLimits = { titleMax: 200, textMax: 200_000, blocksMax: documentBlocksMax } as const;

const tooManyParagraphs = validationMessage("validation.documents.tooManyParagraphs", { maximum: documentLimits.blocksMax });

const titleSchema = userText({ label: "validation.labels.title", trim: true })
  .min(1, validationMessage("validation.documents.titleRequired"))
  .max(documentLimits.titleMax, validationMessage("validation.documents.titleTooLong", { maximum: documentLimits.titleMax }));

/** An article's plain text, the form's and the API's `text` (see lib/documents/article-import.ts). */
const articleTextSchema = userText({ label: "validation.labels.article", multiline: true })
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
  });

/** Text, Markdown or HTML to import (lib/documents/import): its size and what it holds are checked there (413, 422). */
const importContentSchema = userText({ label: "validation.labels.article", multiline: true }).min(
  1,
  validationMessage("validation.import.contentRequired"),
);

/** A blank value (""), as a form sends for a field left empty, reads as "none". */
function blankAsNull<Schema extends z.ZodType>(schema: Schema) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value), schema.nullable());
}

const bylineSchema = blankAsNull(
  userText({ label: "validation.labels.name", trim: true }).max(bylineMax, validationMessage("validation.import.bylineTooLong", { maximum: bylineMax })),
);

const sourceUrlSchema = blankAsNull(
  z
    .url({ protocol: /^https?$/u, error: validationMessage("validation.import.sourceUrlInvalid") })
    .max(sourceUrlMax, validationMessage("validation.import.sourceUrlTooLong", { maximum: sourceUrlMax }))
    .transform((url) => new URL(url).href),
);

const publishedAtMessage = validationMessage("validation.import.publishedAtInvalid");

/**
 * The API's `publishedAt`: a date ("2020-10-14"), a month ("2020-10") or an ISO date-time, stored as the document's
 * `publishedOn` ("YYYY-MM-DD" or "YYYY-MM": the date as written, whatever the time zone).
 */
const publishedAtSchema = blankAsNull(
  z
    .union([z.iso.date(), z.stringFormat("year-month", /^\d{4}-(?:0[1-9]|1[0-2])$/u), z.iso.datetime({ offset: true, local: true })], { error: publishedAtMessage })
    .transform((value, context) => {
      const publishedOn = cleanPublishedOn(value);
      if (publishedOn === null) context.addIssue({ code: "custom", message: publishedAtMessage });
      return publishedOn ?? z.NEVER;
    }),
);

/** What `createDocument` takes: the article to import and the metadata given with it (null: take the article's). */
export type CreateDocumentInput = {
  title: string | null;
  source: { format: ImportFormat; content: string | Uint8Array; fileName?: string };
  byline: string | null;
  sourceUrl: string | null;
  publishedOn: string | null;
  /** The content's language (BCP 47); detected from the text when left out. */
  lang?: string;
};

/** The metadata fields a new document may be sent with, as JSON or as the fields of an upload's form. */
const documentMetadataFields = {
  byline: bylineSchema.optional(),
  sourceUrl: sourceUrlSchema.optional(),
  publishedAt: publishedAtSchema.optional(),
  lang: documentLanguageSchema.optional(),
};

/**
 * The fields of a multipart upload besides its `file` (lib/documents/import/request.ts): the same field schemas as
 * `createDocumentInputSchema`'s, where the text rule on each is checked (lib/validation/input-schemas.test.ts).
 */
export const createDocumentFormFields = { title: titleSchema.optional(), ...documentMetadataFields };

/**
 * A new document as JSON: `{ title, format: "text"|"markdown"|"html", content, byline?, sourceUrl?, publishedAt?,
 * lang? }`, or, as before, `{ title, text }` (plain text, checked as the add-document form checks it, naming `text`).
 * Without `title` the article's own is used (lib/documents/service.ts).
 */
export const createDocumentInputSchema = z
  .object({
    title: titleSchema.optional(),
    text: articleTextSchema.optional(),
    format: z.enum(jsonImportFormats, { error: validationMessage("validation.import.formatUnknown") }).optional(),
    content: importContentSchema.optional(),
    ...documentMetadataFields,
  })
  .superRefine((input, context) => {
    if (input.text === undefined && input.content === undefined) {
      context.addIssue({ code: "custom", path: ["content"], message: validationMessage("validation.import.contentRequired") });
    }
    if (input.text !== undefined && input.content !== undefined) {
      context.addIssue({ code: "custom", path: ["text"], message: validationMessage("validation.import.textOrContent") });
    }
    if (input.text !== undefined && input.format !== undefined && input.format !== "text") {
      context.addIssue({ code: "custom", path: ["format"], message: validationMessage("validation.import.textIsPlain") });
    }
  })
  .transform(
    (input): CreateDocumentInput => ({
      title: input.title ?? null,
      source: { format: input.format ?? "text", content: input.content ?? input.text ?? "" },
      byline: input.byline ?? null,
      sourceUrl: input.sourceUrl ?? null,
      publishedOn: input.publishedAt ?? null,
      lang: input.lang,
    }),
  );

export type CreateDocumentRequest = z.input<typeof createDocumentInputSchema>;

/**
 * A change to a document's metadata (owners and moderators): its language (`lang`, BCP 47), title, byline, source
 * URL or publication date (`publishedAt`); null (or "") clears the last three. At least one field.
 */
export const updateDocumentInputSchema = z
  .strictObject({
    lang: documentLanguageSchema.optional(),
    title: titleSchema.optional(),
    byline: bylineSchema.optional(),
    sourceUrl: sourceUrlSchema.optional(),
    publishedAt: publishedAtSchema.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), validationMessage("validation.nothingToUpdate"))
  .transform(({ publishedAt, ...input }) => ({ ...input, ...(publishedAt === undefined ? {} : { publishedOn: publishedAt }) }));

export type UpdateDocumentInput = z.infer<typeof updateDocumentInputSchema>;
export type UpdateDocumentRequest = z.input<typeof updateDocumentInputSchema>;

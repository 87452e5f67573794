/**
 * The tiptap (ProseMirror) JSON Margin stores for an article, as a real schema rather than `any`.
 * Articles are flat: a list of text blocks (paragraphs, subheadings, photo captions) holding plain text.
 * That flatness is what lets lib/documents/text-index.ts map selector offsets to editor positions exactly;
 * widen both together.
 */
import { z } from "zod";

/** The most blocks (paragraphs, subheadings, captions) a document holds. */
export const documentBlocksMax = 10_000;

export const textNodeSchema = z.object({
  type: z.literal("text"),
  text: z.string().min(1),
});

const inlineContent = z.array(textNodeSchema).optional();

export const paragraphNodeSchema = z.object({ type: z.literal("paragraph"), content: inlineContent });

export const headingNodeSchema = z.object({
  type: z.literal("heading"),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: inlineContent,
});

/** A photo caption (the photo itself is not part of the text). */
export const captionNodeSchema = z.object({ type: z.literal("caption"), content: inlineContent });

export const blockNodeSchema = z.discriminatedUnion("type", [paragraphNodeSchema, headingNodeSchema, captionNodeSchema]);

export const documentContentSchema = z.object({
  type: z.literal("doc"),
  content: z.array(blockNodeSchema).min(1).max(documentBlocksMax),
});

export type TextNode = z.infer<typeof textNodeSchema>;
export type BlockNode = z.infer<typeof blockNodeSchema>;
export type DocumentContent = z.infer<typeof documentContentSchema>;

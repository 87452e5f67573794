/**
 * The tiptap (ProseMirror) JSON Margin stores for an article, as a real schema rather than `any`.
 *
 * Text lives in text blocks (paragraphs, subheadings, photo captions); quotes and lists hold blocks; text carries
 * the marks bold, italic and link. The shape is exactly what ProseMirror itself would produce for the schema of
 * lib/documents/article-schema.ts (a list item begins with a paragraph, a quote holds at least one block), so
 * editor positions computed from the stored JSON (lib/documents/text-index.ts) match the editor's. Widen both
 * together.
 */
import { z } from "zod";

import { userText } from "@/lib/validation/text";

/** The most text blocks (paragraphs, subheadings, captions, list items' paragraphs) a document holds. */
export const documentBlocksMax = 10_000;
/** How deep quotes and lists may nest. */
export const documentNestingMax = 8;

/** A link's target: http(s) and mailto only (no `javascript:`, no `data:`), at most 2,048 characters. */
export function isSafeLinkHref(href: string): boolean {
  if (href.length > 2048) return false;
  try {
    const url = new URL(href);
    return url.protocol === "http:" || url.protocol === "https:" || url.protocol === "mailto:";
  } catch {
    return false;
  }
}

const boldMarkSchema = z.object({ type: z.literal("bold") });
const italicMarkSchema = z.object({ type: z.literal("italic") });
const linkMarkSchema = z.object({
  type: z.literal("link"),
  attrs: z.object({ href: z.string().refine(isSafeLinkHref) }),
});
export const markSchema = z.discriminatedUnion("type", [boldMarkSchema, italicMarkSchema, linkMarkSchema]);

export const textNodeSchema = z.object({
  type: z.literal("text"),
  // The text rule (lib/validation/text.ts): no NUL or lone surrogate can reach PostgreSQL's JSON.
  text: userText({ label: "validation.labels.article", multiline: true }).min(1),
  marks: z.array(markSchema).max(3).optional(),
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

export type TextNode = z.infer<typeof textNodeSchema>;
export type Mark = z.infer<typeof markSchema>;
export type ParagraphNode = z.infer<typeof paragraphNodeSchema>;
export type HeadingNode = z.infer<typeof headingNodeSchema>;
export type CaptionNode = z.infer<typeof captionNodeSchema>;
/** A block that holds text directly. */
export type TextBlockNode = ParagraphNode | HeadingNode | CaptionNode;
export type ListItemNode = { type: "listItem"; content: [ParagraphNode, ...BlockNode[]] };
export type BlockquoteNode = { type: "blockquote"; content: BlockNode[] };
export type BulletListNode = { type: "bulletList"; content: ListItemNode[] };
export type OrderedListNode = { type: "orderedList"; attrs?: { start?: number }; content: ListItemNode[] };
export type BlockNode = TextBlockNode | BlockquoteNode | BulletListNode | OrderedListNode;

const listItemNodeSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.object({ type: z.literal("listItem"), content: z.tuple([paragraphNodeSchema], blockNodeSchema) }),
);

export const blockNodeSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion("type", [
    paragraphNodeSchema,
    headingNodeSchema,
    captionNodeSchema,
    z.object({ type: z.literal("blockquote"), content: z.array(blockNodeSchema).min(1) }),
    z.object({ type: z.literal("bulletList"), content: z.array(listItemNodeSchema).min(1) }),
    z.object({
      type: z.literal("orderedList"),
      attrs: z.object({ start: z.number().int().min(0).max(1_000_000).optional() }).optional(),
      content: z.array(listItemNodeSchema).min(1),
    }),
  ]),
);

export function isTextBlock(block: BlockNode | ListItemNode): block is TextBlockNode {
  return block.type === "paragraph" || block.type === "heading" || block.type === "caption";
}

/** Every text block of a document in reading order, with how deep quotes and lists nest it. */
export function collectTextBlocks(blocks: readonly (BlockNode | ListItemNode)[], depth = 0, into: { block: TextBlockNode; depth: number }[] = []) {
  for (const block of blocks) {
    if (isTextBlock(block)) into.push({ block, depth });
    else collectTextBlocks(block.content, depth + 1, into);
  }
  return into;
}

/** Whether a JSON value nests objects and arrays at most `max` deep (checked without recursion, before parsing). */
function nestsAtMost(value: unknown, max: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (item.value === null || typeof item.value !== "object") continue;
    if (item.depth > max) return false;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return true;
}

// A text node sits at depth 3 + 2 per quote level and 4 per list level (content array, node, content array, …).
const jsonDepthMax = 8 + documentNestingMax * 4;

export const documentContentSchema = z
  .unknown()
  .refine((value) => nestsAtMost(value, jsonDepthMax), `Quotes and lists nest more than ${documentNestingMax} deep`)
  .pipe(z.object({ type: z.literal("doc"), content: z.array(blockNodeSchema).min(1) }))
  .superRefine((doc, context) => {
    const textBlocks = collectTextBlocks(doc.content);
    if (textBlocks.length > documentBlocksMax) context.addIssue({ code: "custom", message: `More than ${documentBlocksMax} text blocks` });
    if (textBlocks.some((item) => item.depth > documentNestingMax * 2)) {
      context.addIssue({ code: "custom", message: `Quotes and lists nest more than ${documentNestingMax} deep` });
    }
  });

export type DocumentContent = { type: "doc"; content: BlockNode[] };

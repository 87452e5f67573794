import { z } from "zod";

export const tagLimits = { nameMax: 40, perClaimMax: 20 } as const;

/** A tag name as given by a user: trimmed, non-empty, bounded, case-preserving. */
export const tagNameSchema = z
  .string()
  .trim()
  .min(1, "A tag name cannot be empty")
  .max(tagLimits.nameMax, `A tag name has at most ${tagLimits.nameMax} characters`);

/** A list of tag names for a claim; duplicates are dropped. */
export const tagNamesSchema = z
  .array(tagNameSchema)
  .max(tagLimits.perClaimMax, `A claim has at most ${tagLimits.perClaimMax} tags`)
  .transform((names) => [...new Set(names)]);

/** How a tag travels to clients. */
export type TagView = { id: string; name: string; color: string };

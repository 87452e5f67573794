import { z } from "zod";

import { isPaletteColor, tagPalette } from "@/lib/tags/colors";
import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

export const tagLimits = { nameMax: 40, perClaimMax: 20, perTeamMax: 100 } as const;

/** A tag name as given by a user: trimmed, non-empty, bounded, case-preserving, without control characters. */
export const tagNameSchema = userText({ label: "validation.labels.tagName", trim: true })
  .min(1, validationMessage("validation.tags.nameEmpty"))
  .max(tagLimits.nameMax, validationMessage("validation.tags.nameTooLong", { maximum: tagLimits.nameMax }));

/** A list of tag names for a claim; duplicates are dropped. */
export const tagNamesSchema = z
  .array(tagNameSchema)
  .max(tagLimits.perClaimMax, validationMessage("validation.tags.claimLimit", { maximum: tagLimits.perClaimMax }))
  .transform((names) => [...new Set(names)]);

/**
 * The key two tag names clash on: the same letters regardless of case (and of Unicode composition, so "é"
 * typed two ways is one name). Claims name their tags through it too, so a team never has two tags that one
 * name could mean.
 */
export function tagNameKey(name: string): string {
  return name.normalize("NFC").toLocaleLowerCase("en");
}

/** A tag colour: one of the palette (lib/tags/colors.ts), each readable under white text. */
export const tagColorSchema = userText({ label: "validation.labels.colour", trim: true })
  .toLowerCase()
  .refine(isPaletteColor, validationMessage("validation.tags.choosePaletteColour", { colours: tagPalette.map((entry) => entry.color).join(", ") }));

/** `POST /api/teams/{teamId}/tags`. */
export const createTagInputSchema = z.object({ name: tagNameSchema, color: tagColorSchema });

/** `PATCH /api/tags/{id}`: a new name, a new colour, or both. */
export const updateTagInputSchema = z
  .object({ name: tagNameSchema.optional(), color: tagColorSchema.optional() })
  .refine((input) => input.name !== undefined || input.color !== undefined, validationMessage("validation.nothingToUpdate"));

export type CreateTagInput = z.infer<typeof createTagInputSchema>;
export type UpdateTagInput = z.infer<typeof updateTagInputSchema>;
/** What a client sends to create a tag. */
export type CreateTagRequest = z.input<typeof createTagInputSchema>;
/** What a client sends to rename or recolour a tag. */
export type UpdateTagRequest = z.input<typeof updateTagInputSchema>;

/** How a tag travels to clients. */
export type TagView = { id: string; name: string; color: string };

/** A tag on the team's tag page: with the number of claims that carry it (all of them, private ones too). */
export type TagUsageView = TagView & { claimCount: number };

/** `GET /api/teams/{teamId}/tags`: the team's tags and whether the caller may manage them. */
export type TeamTagsView = {
  team: { id: string; name: string };
  items: TagUsageView[];
  abilities: { canManage: boolean };
};

import { z } from "zod";

import { evidenceUrlMax, parseEvidenceUrl, type EvidenceUrlProblem } from "@/lib/evidence/url";
import { validationMessage, type ValidationKey } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

/** How a source bears on a claim. */
export const evidenceStances = ["supports", "refutes", "context"] as const;
export const evidenceStanceSchema = z.enum(evidenceStances, { error: validationMessage("validation.evidence.chooseStance") });
export type EvidenceStanceName = z.infer<typeof evidenceStanceSchema>;

/** The longest title, in characters. */
export const evidenceTitleMax = 300;
/** The longest quote from the source, and the longest note, in characters. */
export const evidenceTextMax = 5_000;

const urlProblemMessages: Record<EvidenceUrlProblem, string> = {
  invalid: validationMessage("validation.evidence.urlInvalid"),
  scheme: validationMessage("validation.evidence.urlScheme"),
  too_long: validationMessage("validation.evidence.urlTooLong", { maximum: evidenceUrlMax }),
};

/**
 * A link to the source: an absolute http(s) URL (lib/evidence/url.ts), stored as the parser serialises it. A blank
 * link means none (null), as a form's empty field sends it.
 */
export const evidenceUrlSchema = userText({ label: "validation.labels.url", trim: true }).transform((text, context): string | null => {
  if (text === "") return null;
  const parsed = parseEvidenceUrl(text);
  if (parsed.ok) return parsed.href;
  context.addIssue({ code: "custom", message: urlProblemMessages[parsed.problem] });
  return z.NEVER;
});

const titleSchema = userText({ label: "validation.labels.title", trim: true })
  .min(1, validationMessage("validation.evidence.titleRequired"))
  .max(evidenceTitleMax, validationMessage("validation.evidence.titleTooLong", { maximum: evidenceTitleMax }));

/** An optional passage of text (a quote from the source, a note); blank means none (null). */
function optionalTextSchema(label: "validation.labels.evidenceQuote" | "validation.labels.note", tooLong: ValidationKey) {
  return userText({ label, multiline: true, trim: true })
    .max(evidenceTextMax, validationMessage(tooLong, { maximum: evidenceTextMax }))
    .transform((text) => (text === "" ? null : text));
}

const quoteSchema = optionalTextSchema("validation.labels.evidenceQuote", "validation.evidence.quoteTooLong");
const noteSchema = optionalTextSchema("validation.labels.note", "validation.evidence.noteTooLong");

/** `POST /api/claims/{id}/evidence`. */
export const createEvidenceInputSchema = z.object({
  url: evidenceUrlSchema.nullish(),
  title: titleSchema,
  quote: quoteSchema.nullish(),
  note: noteSchema.nullish(),
  stance: evidenceStanceSchema,
});

/** `PATCH /api/evidence/{id}`: any of the fields; `url`, `quote` and `note` may be set to null (none). */
export const updateEvidenceInputSchema = z
  .object({
    url: evidenceUrlSchema.nullable().optional(),
    title: titleSchema.optional(),
    quote: quoteSchema.nullable().optional(),
    note: noteSchema.nullable().optional(),
    stance: evidenceStanceSchema.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), validationMessage("validation.nothingToUpdate"));

export type CreateEvidenceInput = z.infer<typeof createEvidenceInputSchema>;
export type UpdateEvidenceInput = z.infer<typeof updateEvidenceInputSchema>;
/** What a client sends to add evidence (the browser's API client is typed by this, not by a copy). */
export type CreateEvidenceRequest = z.input<typeof createEvidenceInputSchema>;
/** What a client sends to change evidence. */
export type UpdateEvidenceRequest = z.input<typeof updateEvidenceInputSchema>;

/** What the acting user may do with a piece of evidence, so the UI shows only buttons that will work. */
export type EvidenceAbilities = {
  /** Its author (while their role may add evidence), or an editor (moderators and owners); not while the claim is hidden. */
  canEdit: boolean;
  /** Its author (while their role may add evidence), or an editor. */
  canDelete: boolean;
};

/** How evidence travels to clients (the UI and the JSON API). */
export type EvidenceView = {
  id: string;
  claimId: string;
  /** An absolute http(s) URL, or null. Never fetched by the server; shown as a plain link. */
  url: string | null;
  title: string;
  quote: string | null;
  note: string | null;
  stance: EvidenceStanceName;
  /** Null when its author's account was deleted. */
  author: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  abilities: EvidenceAbilities;
};

/**
 * Versions of a document: what a client sends to save one and what it reads back. Shared by the server and the
 * browser (the editor, the history page).
 */
import { z } from "zod";

import { claimAnchorStates, claimTargetSchema } from "@/lib/claims/schema";
import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

export const versionLimits = { noteMax: 500 } as const;

/** How a new version's text arrives: Margin's own JSON (the editor) or text to import (lib/documents/import). */
export const versionFormats = ["json", "text", "markdown", "html"] as const;
export type VersionFormat = (typeof versionFormats)[number];

export const createVersionInputSchema = z.strictObject({
  format: z.enum(versionFormats, { error: validationMessage("validation.versions.format") }),
  /** A string for text formats; the editor's `getJSON()` for `json`. Checked by the format's importer. */
  content: z.union([userText({ label: "validation.labels.article", multiline: true }), z.record(z.string(), z.unknown())], {
    error: validationMessage("validation.versions.content"),
  }),
  note: userText({ label: "validation.labels.note", trim: true, multiline: true })
    .max(versionLimits.noteMax, validationMessage("validation.versions.noteTooLong", { maximum: versionLimits.noteMax }))
    .optional(),
  /** The version the change was made on: a newer one saved meanwhile is a 409, not a silent overwrite. */
  baseVersion: z.number({ error: validationMessage("validation.versions.baseVersion") }).int().positive().optional(),
}).superRefine((input, context) => {
  // The editor's JSON is an object; every other format is text.
  if ((input.format === "json") !== (typeof input.content === "object")) {
    context.addIssue({ code: "custom", path: ["content"], message: validationMessage("validation.versions.content") });
  }
});
export type CreateVersionInput = z.infer<typeof createVersionInputSchema>;
export type CreateVersionRequest = z.input<typeof createVersionInputSchema>;

/** What re-anchoring did to the claims on a version. */
export type ReanchorCounts = { anchored: number; changed: number; orphaned: number };

/** One version in a document's history (newest first in lists). */
export type VersionSummary = ReanchorCounts & {
  number: number;
  /** How its text came in: "text", "markdown", "html", "docx" or "editor". */
  format: string;
  note: string | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
};

/** The answer to saving a version. */
export type CreatedVersion = ReanchorCounts & { number: number };

export const versionNumberSchema = z.coerce.number().int().positive().max(1_000_000);

export { claimAnchorStates };

/** `POST /api/claims/{id}/reattach`: the text the claim now points at, on the document's latest version. */
export const reattachClaimInputSchema = z.strictObject({ target: claimTargetSchema });
export type ReattachClaimInput = z.infer<typeof reattachClaimInputSchema>;
export type ReattachClaimRequest = z.input<typeof reattachClaimInputSchema>;

import { z } from "zod";

import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

/** The longest reason a moderator may give for hiding a claim or comment, in characters. */
export const hideReasonMax = 500;

/** `POST /api/claims/{id}/hide` and `POST /api/comments/{id}/hide`: why it is hidden (shown to its author). */
export const hideInputSchema = z.object({
  reason: userText({ label: "validation.labels.reason", multiline: true, trim: true })
    .min(1, validationMessage("validation.moderation.reasonRequired"))
    .max(hideReasonMax, validationMessage("validation.moderation.reasonTooLong", { maximum: hideReasonMax })),
});

export type HideInput = z.infer<typeof hideInputSchema>;

/**
 * What a reader learns about a hidden claim or comment: everyone sees when; its author also sees why; moderators
 * and owners (who may unhide it) also see who hid it. Fields a reader may not see are absent, not null.
 */
export type HiddenView = {
  at: string;
  reason?: string;
  /** Null when the moderator's account no longer exists. */
  byName?: string | null;
};

import { z } from "zod";

import { idSchema } from "@/lib/ids";
import type { HiddenView } from "@/lib/moderation/schema";
import { mentionsMax } from "@/lib/threads/mentions";
import { validationMessage } from "@/lib/validation/messages";
import { userText } from "@/lib/validation/text";

/** The longest comment, in characters. */
export const commentBodyMax = 5_000;

export const commentBodySchema = userText({ label: "validation.labels.comment", multiline: true, trim: true })
  .min(1, validationMessage("validation.threads.commentEmpty"))
  .max(commentBodyMax, validationMessage("validation.threads.commentTooLong", { maximum: commentBodyMax }));

/**
 * Members the comment mentions (`@Name` in the body, picked from the team's members): their ids, at most 20. The
 * server keeps only those whose `@Name` is in the body and who may read the claim (lib/threads/mention-notifications.ts).
 */
export const mentionsSchema = z
  .array(idSchema)
  .max(mentionsMax, validationMessage("validation.threads.tooManyMentions", { maximum: mentionsMax }));

/** `POST /api/claims/{id}/comments`. `parentId` makes it a reply; `mentions` notifies members named in it. */
export const createCommentInputSchema = z.object({
  body: commentBodySchema,
  parentId: idSchema.optional(),
  mentions: mentionsSchema.optional(),
});

/** `PUT /api/claims/{id}/thread`: resolve (true) or reopen (false) a claim's discussion. */
export const setThreadResolvedInputSchema = z.object({ resolved: z.boolean() });

/** `PATCH /api/comments/{id}`. */
export const updateCommentInputSchema = z.object({ body: commentBodySchema });

export type CreateCommentInput = z.infer<typeof createCommentInputSchema>;
export type UpdateCommentInput = z.infer<typeof updateCommentInputSchema>;
/** What a client sends to comment or reply (the browser's API client is typed by this, not by a copy). */
export type CreateCommentRequest = z.input<typeof createCommentInputSchema>;
/** What a client sends to edit a comment. */
export type UpdateCommentRequest = z.input<typeof updateCommentInputSchema>;
export type SetThreadResolvedInput = z.infer<typeof setThreadResolvedInputSchema>;

/**
 * `GET /api/claims/{id}/thread`: whether the discussion is resolved, when and by whom (null when the person who
 * resolved it no longer exists).
 */
export type ThreadResolutionView = {
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
};

export type CommentAbilities = {
  canEdit: boolean;
  canDelete: boolean;
  canReply: boolean;
  /** Moderators and owners, on a comment that is neither hidden nor deleted. */
  canHide: boolean;
  /** Moderators and owners, on a hidden comment. */
  canUnhide: boolean;
};

/**
 * How a comment travels to clients. A deleted comment keeps its place with `body: null`. A hidden one keeps its
 * place too; for readers who may not moderate it the server withholds the text (`body: null`), and `hidden`
 * says when (and, to its author, why).
 */
export type CommentView = {
  id: string;
  claimId: string;
  parentId: string | null;
  body: string | null;
  author: { id: string; name: string };
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
  /** Null unless a moderator hid the comment (and it was not deleted since). */
  hidden: HiddenView | null;
  abilities: CommentAbilities;
};

/** Notification kinds and payloads. Pure. */

/** A moderator hid something the recipient wrote (`claim.hidden`, `comment.hidden`). */
export type ModerationNotificationPayload = {
  /** Who did it, by name at the time. */
  moderatorName: string;
  reason: string;
  documentId: string;
  documentTitle: string;
  claimId: string;
  /** Opening of the hidden text, so the author recognises it. */
  excerpt: string;
};

/** Someone mentioned the recipient (`@Name`) in a comment (`comment.mentioned`). */
export type MentionNotificationPayload = {
  /** Who wrote the comment, by name at the time. */
  commenterName: string;
  documentId: string;
  documentTitle: string;
  claimId: string;
  commentId: string;
  /** Opening of the comment. */
  excerpt: string;
};

/** A new version of a document changed the recipient's claims or lost their text (`claims.needAttention`). */
export type NeedsAttentionNotificationPayload = {
  /** Who saved the version, by name at the time. */
  editorName: string;
  documentId: string;
  documentTitle: string;
  /** The first of the recipient's claims it concerns (the link opens it). */
  claimId: string;
  /** Opening of that claim's quote as it was. */
  excerpt: string;
  version: number;
  changed: number;
  orphaned: number;
};

/** Each kind with its payload: `kind` tells which payload a notification carries. */
export type NotificationContent =
  | { kind: "claim.hidden" | "comment.hidden"; payload: ModerationNotificationPayload }
  | { kind: "comment.mentioned"; payload: MentionNotificationPayload }
  | { kind: "claims.needAttention"; payload: NeedsAttentionNotificationPayload };

export type NotificationKind = NotificationContent["kind"];

export type NotificationView = NotificationContent & {
  id: string;
  createdAt: string;
  readAt: string | null;
};

/** The longest excerpt a notification carries, in characters (ellipsis included). */
export const notificationExcerptMax = 80;

/**
 * The opening of a text (a hidden claim or comment, a comment that mentions someone), so its reader recognises it: whitespace runs collapsed to one space, cut at
 * `max` characters (code points, so an emoji is never split) with an ellipsis when cut.
 */
export function toExcerpt(text: string, max = notificationExcerptMax): string {
  const characters = Array.from(text.replaceAll(/\s+/gu, " ").trim());
  if (characters.length <= max) return characters.join("");
  return `${characters.slice(0, max - 1).join("").trimEnd()}…`;
}

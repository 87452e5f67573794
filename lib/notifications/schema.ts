/** Notification kinds and payloads. Pure. */
export type NotificationKind = "claim.hidden" | "comment.hidden";

export type NotificationPayload = {
  /** Who did it, by name at the time. */
  moderatorName: string;
  reason: string;
  documentId: string;
  documentTitle: string;
  claimId: string;
  /** Opening of the hidden text, so the author recognises it. */
  excerpt: string;
};

export type NotificationView = {
  id: string;
  kind: NotificationKind;
  payload: NotificationPayload;
  createdAt: string;
  readAt: string | null;
};

/** The longest excerpt a notification carries, in characters (ellipsis included). */
export const notificationExcerptMax = 80;

/**
 * The opening of a hidden text, so its author recognises it: whitespace runs collapsed to one space, cut at
 * `max` characters (code points, so an emoji is never split) with an ellipsis when cut.
 */
export function toExcerpt(text: string, max = notificationExcerptMax): string {
  const characters = Array.from(text.replaceAll(/\s+/gu, " ").trim());
  if (characters.length <= max) return characters.join("");
  return `${characters.slice(0, max - 1).join("").trimEnd()}…`;
}

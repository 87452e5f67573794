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

/** One line a person can read. */
export function describeNotification(notification: Pick<NotificationView, "kind" | "payload">): string {
  const { moderatorName, reason, excerpt, documentTitle } = notification.payload;
  const what = notification.kind === "claim.hidden" ? "your claim" : "your comment";
  return `${moderatorName} hid ${what} “${excerpt}” in “${documentTitle}”: ${reason}`;
}

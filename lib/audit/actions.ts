/** Every kind of event the audit log records. Pure. */
export const auditActions = [
  "team.created",
  "team.renamed",
  "team.deleted",
  "team.ownership_transferred",
  "member.joined",
  "member.left",
  "member.removed",
  "member.role_changed",
  "invite.created",
  "invite.revoked",
  "claim.hidden",
  "claim.unhidden",
  "claim.deleted_by_moderator",
  "comment.hidden",
  "comment.unhidden",
  "comment.deleted_by_moderator",
  "tag.created",
  "tag.updated",
  "tag.deleted",
  "ratings.updated",
  "document.published",
  "document.unpublished",
] as const;

export type AuditAction = (typeof auditActions)[number];

export type AuditTargetType = "team" | "member" | "invite" | "claim" | "comment" | "tag" | "document";

/** One line a person can read, e.g. "changed Bob's role from Member to Moderator". */
export function describeAuditEvent(action: AuditAction, details: Record<string, unknown>): string {
  const text = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : "?");
  switch (action) {
    case "team.created":
      return `created the team “${text("teamName")}”`;
    case "team.renamed":
      return `renamed the team from “${text("from")}” to “${text("to")}”`;
    case "team.deleted":
      return `deleted the team “${text("teamName")}”`;
    case "team.ownership_transferred":
      return `transferred ownership to ${text("userName")}`;
    case "member.joined":
      return `joined as ${text("role")}${details.inviteId ? " with an invitation" : ""}`;
    case "member.left":
      return "left the team";
    case "member.removed":
      return `removed ${text("userName")}`;
    case "member.role_changed":
      return `changed ${text("userName")}’s role from ${text("from")} to ${text("to")}`;
    case "invite.created":
      return `created an invitation for a ${text("role")}, valid until ${text("expiresAt")}`;
    case "invite.revoked":
      return "revoked an invitation";
    case "claim.hidden":
      return `hid a claim by ${text("authorName")}: “${text("reason")}”`;
    case "claim.unhidden":
      return `restored a claim by ${text("authorName")}`;
    case "claim.deleted_by_moderator":
      return `deleted a claim by ${text("authorName")}`;
    case "comment.hidden":
      return `hid a comment by ${text("authorName")}: “${text("reason")}”`;
    case "comment.unhidden":
      return `restored a comment by ${text("authorName")}`;
    case "comment.deleted_by_moderator":
      return `deleted a comment by ${text("authorName")}`;
    case "tag.created":
      return `created the tag “${text("name")}”`;
    case "tag.updated":
      return `changed the tag “${text("name")}”`;
    case "tag.deleted":
      return `deleted the tag “${text("name")}”`;
    case "ratings.updated":
      return "changed the rating scale";
    case "document.published":
      return `published “${text("name")}” as a public page`;
    case "document.unpublished":
      return `unpublished the public page of “${text("name")}”`;
  }
}

/**
 * What each team role may do, as data. Pure: no database, unit-tested in policy.test.ts.
 * Object-level rules (own vs. another's) live in each concept's policy (claims, threads) and build on this.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const teamActions = [
  "document.read",
  "document.create",
  "document.update",
  "claim.create",
  "claim.updateOwn",
  "claim.deleteOwn",
  "claim.deleteAny",
  "claim.hide",
  "comment.create",
  "comment.updateOwn",
  "comment.deleteOwn",
  "comment.deleteAny",
  "comment.hide",
  "claim.checkOwn",
  "claim.checkAny",
  "evidence.create",
  "evidence.deleteAny",
  "verdict.propose",
  "verdict.publish",
  "rating.manage",
  "document.publish",
  "thread.resolveOwn",
  "thread.resolveAny",
  "tag.manage",
  "team.invite",
  "team.manageMembers",
  "team.rename",
  "team.delete",
  "team.transferOwnership",
  "audit.read",
] as const;

export type TeamAction = (typeof teamActions)[number];

const memberActions = [
  "document.read",
  "claim.create",
  "claim.updateOwn",
  "claim.deleteOwn",
  "comment.create",
  "comment.updateOwn",
  "comment.deleteOwn",
  "claim.checkOwn",
  "evidence.create",
  "verdict.propose",
  "thread.resolveOwn",
] as const satisfies readonly TeamAction[];

const moderatorActions = [
  ...memberActions,
  "document.create",
  "document.update",
  "claim.deleteAny",
  "claim.hide",
  "comment.deleteAny",
  "comment.hide",
  "claim.checkAny",
  "evidence.deleteAny",
  "verdict.publish",
  "document.publish",
  "thread.resolveAny",
  "tag.manage",
  "team.invite",
] as const satisfies readonly TeamAction[];

/**
 * Role → the actions it grants. Owner: everything (and alone edits the rating scale). Moderator (the desk's
 * editor): hide or delete any claim or comment, manage tags, invite, add documents, move any claim's check,
 * publish verdicts and documents, resolve any thread. Member: create claims and comments, edit and delete their
 * own, move the check of claims they wrote or are assigned, add evidence, propose verdicts, resolve their own
 * claims' threads. Viewer: read only.
 */
export const rolePermissions: Record<Role, ReadonlySet<TeamAction>> = {
  OWNER: new Set(teamActions),
  MODERATOR: new Set(moderatorActions),
  MEMBER: new Set(memberActions),
  VIEWER: new Set(["document.read"]),
};

/** True when `role` grants `action`. */
export function roleCan(role: Role, action: TeamAction): boolean {
  return rolePermissions[role].has(action);
}

/** Roles in order of power, for display and comparisons. */
export const roleOrder: readonly Role[] = ["OWNER", "MODERATOR", "MEMBER", "VIEWER"];

/**
 * The roles a member with `role` may hand out by invitation: owners any but OWNER (ownership is transferred,
 * never invited), moderators MEMBER and VIEWER, others none.
 */
export function getInvitableRoles(role: Role): Role[] {
  if (role === "OWNER") return ["MODERATOR", "MEMBER", "VIEWER"];
  if (role === "MODERATOR") return ["MEMBER", "VIEWER"];
  return [];
}

/** The roles an owner may set with "change role" (OWNER only moves by transferring ownership). */
export const assignableRoles: readonly Role[] = ["MODERATOR", "MEMBER", "VIEWER"];

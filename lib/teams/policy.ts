/**
 * What each team role may do, as data. Pure: no database, unit-tested in policy.test.ts.
 * Object-level rules (own vs. another's) live in each concept's policy (claims, threads) and build on this.
 */
import type { Role } from "@/lib/generated/prisma/enums";

export const teamActions = [
  "document.read",
  "claim.create",
  "claim.updateOwn",
  "claim.deleteOwn",
  "claim.deleteAny",
  "comment.create",
  "comment.updateOwn",
  "comment.deleteOwn",
  "comment.deleteAny",
  "tag.manage",
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
] as const satisfies readonly TeamAction[];

const moderatorActions = [...memberActions, "claim.deleteAny", "comment.deleteAny", "tag.manage"] as const;

/** Role → the actions it grants. Viewers only read. */
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

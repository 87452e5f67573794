import { describe, expect, it } from "vitest";

import { Role } from "@/lib/generated/prisma/enums";
import { getInvitableRoles, roleCan, rolePermissions, teamActions, type TeamAction } from "@/lib/teams/policy";

const roles = Object.values(Role);

// Written out in full on purpose: every change to the role table must show up as a change here.
const expected: Record<TeamAction, Record<Role, boolean>> = {
  "document.read": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: true },
  "document.create": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "document.update": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "claim.create": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "claim.updateOwn": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "claim.deleteOwn": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "claim.deleteAny": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "comment.create": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "comment.updateOwn": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "comment.deleteOwn": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "comment.deleteAny": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "claim.hide": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "comment.hide": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "claim.checkOwn": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "claim.checkAny": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "evidence.create": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "evidence.deleteAny": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "verdict.propose": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "verdict.publish": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "rating.manage": { OWNER: true, MODERATOR: false, MEMBER: false, VIEWER: false },
  "document.publish": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "thread.resolveOwn": { OWNER: true, MODERATOR: true, MEMBER: true, VIEWER: false },
  "thread.resolveAny": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "tag.manage": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "team.invite": { OWNER: true, MODERATOR: true, MEMBER: false, VIEWER: false },
  "team.manageMembers": { OWNER: true, MODERATOR: false, MEMBER: false, VIEWER: false },
  "team.rename": { OWNER: true, MODERATOR: false, MEMBER: false, VIEWER: false },
  "team.delete": { OWNER: true, MODERATOR: false, MEMBER: false, VIEWER: false },
  "team.transferOwnership": { OWNER: true, MODERATOR: false, MEMBER: false, VIEWER: false },
  "audit.read": { OWNER: true, MODERATOR: false, MEMBER: false, VIEWER: false },
};

const cases = teamActions.flatMap((action) =>
  roles.map((role) => ({ role, action, allowed: expected[action][role] })),
);

describe("roleCan", () => {
  it("the table above names every action and every role, no more", () => {
    expect(Object.keys(expected).sort()).toEqual([...teamActions].sort());
    expect(Object.keys(rolePermissions).sort()).toEqual([...roles].sort());
    expect(cases).toHaveLength(teamActions.length * roles.length);
  });

  it.each(cases)("$role → $action: $allowed", ({ role, action, allowed }) => {
    expect(roleCan(role, action)).toBe(allowed);
  });

  it.each([
    { role: "OWNER", actions: [...teamActions] },
    {
      role: "MODERATOR",
      actions: [
        "document.read", "document.create", "document.update", "claim.create", "claim.updateOwn", "claim.deleteOwn", "claim.deleteAny", "claim.hide",
        "comment.create", "comment.updateOwn", "comment.deleteOwn", "comment.deleteAny", "comment.hide", "tag.manage",
        "team.invite", "claim.checkOwn", "claim.checkAny", "evidence.create", "evidence.deleteAny", "verdict.propose",
        "verdict.publish", "document.publish", "thread.resolveOwn", "thread.resolveAny",
      ],
    },
    {
      role: "MEMBER",
      actions: [
        "document.read", "claim.create", "claim.updateOwn", "claim.deleteOwn", "comment.create", "comment.updateOwn", "comment.deleteOwn",
        "claim.checkOwn", "evidence.create", "verdict.propose", "thread.resolveOwn",
      ],
    },
    { role: "VIEWER", actions: ["document.read"] },
  ] satisfies { role: Role; actions: TeamAction[] }[])("$role grants exactly its actions", ({ role, actions }) => {
    expect([...rolePermissions[role]].sort()).toEqual([...actions].sort());
  });

  it("grants nothing for an action that is not in the list", () => {
    for (const role of roles) expect(roleCan(role, "team.launchMissiles" as TeamAction)).toBe(false);
  });
});

describe("getInvitableRoles", () => {
  it.each([
    ["OWNER", ["MODERATOR", "MEMBER", "VIEWER"]],
    ["MODERATOR", ["MEMBER", "VIEWER"]],
    ["MEMBER", []],
    ["VIEWER", []],
  ] as const)("%s may invite as %j (never as OWNER)", (role, invitable) => {
    expect(getInvitableRoles(role)).toEqual(invitable);
  });
});

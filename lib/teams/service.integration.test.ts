import { randomUUID } from "node:crypto";

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { listAuditEvents } from "@/lib/audit/service";
import { getDocumentForActor } from "@/lib/documents/service";
import {
  changeMemberRole,
  createTeam,
  deleteTeam,
  getTeamForActor,
  leaveTeam,
  listMembers,
  listTeamsForActor,
  removeMember,
  renameTeam,
  transferOwnership,
} from "@/lib/teams/service";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

beforeEach(async () => {
  [owner, moderator, member, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Member", "Viewer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
});

afterAll(disconnectTestDb);

const notFound = { name: "AppError", code: "not_found" };
const forbidden = { name: "AppError", code: "forbidden" };

async function roleOf(user: TestUser) {
  const row = await getTestDb().membership.findUnique({ where: { teamId_userId: { teamId: team.teamId, userId: user.userId } } });
  return row?.role ?? null;
}

async function auditActions() {
  const rows = await getTestDb().auditEvent.findMany({ where: { teamId: team.teamId }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.action);
}

describe("without membership", () => {
  it("a non-member gets not_found from every team function, for real, missing and malformed ids", async () => {
    for (const teamId of [team.teamId, randomUUID(), "nope"]) {
      await expect(getTeamForActor(outsider, teamId)).rejects.toMatchObject(notFound);
      await expect(listMembers(outsider, teamId)).rejects.toMatchObject(notFound);
      await expect(renameTeam(outsider, teamId, { name: "Taken" })).rejects.toMatchObject(notFound);
      await expect(deleteTeam(outsider, teamId, { confirmName: "x" })).rejects.toMatchObject(notFound);
      await expect(changeMemberRole(outsider, teamId, member.userId, { role: "VIEWER" })).rejects.toMatchObject(notFound);
      await expect(removeMember(outsider, teamId, member.userId)).rejects.toMatchObject(notFound);
      await expect(leaveTeam(outsider, teamId)).rejects.toMatchObject(notFound);
      await expect(transferOwnership(outsider, teamId, member.userId)).rejects.toMatchObject(notFound);
      await expect(listAuditEvents(outsider, teamId)).rejects.toMatchObject(notFound);
    }
    expect(await roleOf(member)).toBe("MEMBER");
    expect(await listTeamsForActor(outsider)).toEqual([]);
  });
});

describe("createTeam", () => {
  it("makes the creator the owner, with the default tags, and records it", async () => {
    const created = await createTeam(outsider, { name: "Klas 4B" });
    expect(created).toMatchObject({ name: "Klas 4B", role: "OWNER", abilities: { canDelete: true, canInvite: true } });
    const tags = await getTestDb().tag.findMany({ where: { teamId: created.id }, orderBy: { createdAt: "asc" } });
    expect(tags.map((tag) => tag.name)).toEqual(["military", "diplomatic", "energy", "mercenaries"]);
    expect((await listTeamsForActor(outsider)).map((summary) => summary.name)).toEqual(["Klas 4B"]);
    const audit = await listAuditEvents(outsider, created.id);
    expect(audit.items.map((event) => [event.action, event.actor?.name, event.summary])).toEqual([
      ["team.created", "Outsider", "created the team “Klas 4B”"],
    ]);
  });
});

describe("abilities by role", () => {
  it.each([
    ["owner", () => owner, { canInvite: true, canManageMembers: true, canRename: true, canDelete: true, canReadAuditLog: true, canManageTags: true }],
    ["moderator", () => moderator, { canInvite: true, canManageMembers: false, canRename: false, canDelete: false, canReadAuditLog: false, canManageTags: true }],
    ["member", () => member, { canInvite: false, canManageMembers: false, canRename: false, canDelete: false, canReadAuditLog: false, canManageTags: false }],
    ["viewer", () => viewer, { canInvite: false, canManageMembers: false, canCreateClaims: false, canReadAuditLog: false }],
  ] as const)("%s", async (_name, who, abilities) => {
    expect((await getTeamForActor(who(), team.teamId)).abilities).toMatchObject(abilities);
  });

  it("members are listed owner first; only those who invite or manage see emails", async () => {
    const asOwner = await listMembers(owner, team.teamId);
    expect(asOwner.map((item) => item.role)).toEqual(["OWNER", "MODERATOR", "MEMBER", "VIEWER"]);
    expect(asOwner.every((item) => item.email !== null)).toBe(true);
    expect((await listMembers(moderator, team.teamId)).every((item) => item.email !== null)).toBe(true);
    const asMember = await listMembers(member, team.teamId);
    expect(asMember.every((item) => item.email === null)).toBe(true);
    expect(asMember.find((item) => item.isYou)?.userId).toBe(member.userId);
  });
});

describe("changeMemberRole", () => {
  it("the owner changes a role; it takes effect on the member's next call; it is audited", async () => {
    await changeMemberRole(owner, team.teamId, member.userId, { role: "VIEWER" });
    expect(await roleOf(member)).toBe("VIEWER");
    expect((await getDocumentForActor(member, team.documentId)).role).toBe("VIEWER");
    const audit = await listAuditEvents(owner, team.teamId);
    expect(audit.items[0]?.summary).toBe("changed Member’s role from Member to Viewer");
  });

  it.each([
    ["a moderator", () => moderator],
    ["a member", () => member],
    ["a viewer", () => viewer],
  ])("%s cannot change roles (forbidden), nothing changes", async (_name, who) => {
    await expect(changeMemberRole(who(), team.teamId, viewer.userId, { role: "MODERATOR" })).rejects.toMatchObject(forbidden);
    expect(await roleOf(viewer)).toBe("VIEWER");
  });

  it("the owner cannot change their own role or make anyone owner here; unknown members are 404", async () => {
    await expect(changeMemberRole(owner, team.teamId, owner.userId, { role: "MEMBER" })).rejects.toMatchObject(forbidden);
    await expect(changeMemberRole(owner, team.teamId, outsider.userId, { role: "MEMBER" })).rejects.toMatchObject(notFound);
    await expect(changeMemberRole(owner, team.teamId, "nope", { role: "MEMBER" })).rejects.toMatchObject(notFound);
    expect(await roleOf(owner)).toBe("OWNER");
    expect(await auditActions()).toEqual([]);
  });
});

describe("removeMember and leaveTeam", () => {
  it("a removed member loses access on their next call", async () => {
    expect((await getDocumentForActor(member, team.documentId)).id).toBe(team.documentId);
    await removeMember(owner, team.teamId, member.userId);
    await expect(getDocumentForActor(member, team.documentId)).rejects.toMatchObject(notFound);
    await expect(getTeamForActor(member, team.teamId)).rejects.toMatchObject(notFound);
    expect(await auditActions()).toEqual(["member.removed"]);
  });

  it("only the owner removes; the owner cannot be removed; a moderator cannot remove", async () => {
    await expect(removeMember(moderator, team.teamId, member.userId)).rejects.toMatchObject(forbidden);
    await expect(removeMember(owner, team.teamId, owner.userId)).rejects.toMatchObject(forbidden);
    expect(await roleOf(member)).toBe("MEMBER");
  });

  it("members leave; the owner must transfer ownership first", async () => {
    await leaveTeam(viewer, team.teamId);
    expect(await roleOf(viewer)).toBeNull();
    await expect(leaveTeam(owner, team.teamId)).rejects.toMatchObject({ code: "conflict" });
    expect(await roleOf(owner)).toBe("OWNER");
    expect(await auditActions()).toEqual(["member.left"]);
  });
});

describe("transferOwnership", () => {
  it("makes the other member owner and the previous owner a moderator, atomically", async () => {
    await transferOwnership(owner, team.teamId, member.userId);
    expect(await roleOf(member)).toBe("OWNER");
    expect(await roleOf(owner)).toBe("MODERATOR");
    const owners = await getTestDb().membership.count({ where: { teamId: team.teamId, role: "OWNER" } });
    expect(owners).toBe(1);
    await expect(listAuditEvents(owner, team.teamId)).rejects.toMatchObject(forbidden);
    expect((await listAuditEvents(member, team.teamId)).items[0]?.action).toBe("team.ownership_transferred");
  });

  it("only the owner transfers, to a member of the team", async () => {
    await expect(transferOwnership(moderator, team.teamId, moderator.userId)).rejects.toMatchObject(forbidden);
    await expect(transferOwnership(owner, team.teamId, outsider.userId)).rejects.toMatchObject(notFound);
    expect(await roleOf(owner)).toBe("OWNER");
  });
});

describe("renameTeam and deleteTeam", () => {
  it("the owner renames; others may not", async () => {
    await expect(renameTeam(moderator, team.teamId, { name: "Andere naam" })).rejects.toMatchObject(forbidden);
    expect((await renameTeam(owner, team.teamId, { name: "Redactie buitenland" })).name).toBe("Redactie buitenland");
    expect((await listAuditEvents(owner, team.teamId)).items[0]?.action).toBe("team.renamed");
  });

  it("deleting needs the exact name, removes all the team's data, and keeps the audit record", async () => {
    const teamName = (await getTeamForActor(owner, team.teamId)).name;
    await expect(deleteTeam(moderator, team.teamId, { confirmName: teamName })).rejects.toMatchObject(forbidden);
    await expect(deleteTeam(owner, team.teamId, { confirmName: "wrong" })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await getTestDb().team.count({ where: { id: team.teamId } })).toBe(1);

    await deleteTeam(owner, team.teamId, { confirmName: teamName });
    const db = getTestDb();
    expect(await db.team.count({ where: { id: team.teamId } })).toBe(0);
    expect(await db.document.count({ where: { teamId: team.teamId } })).toBe(0);
    expect(await db.membership.count({ where: { teamId: team.teamId } })).toBe(0);
    expect(await db.tag.count({ where: { teamId: team.teamId } })).toBe(0);
    const record = await db.auditEvent.findFirst({ where: { action: "team.deleted", targetId: team.teamId } });
    expect(record).toMatchObject({ teamId: null, actorId: owner.userId, details: { teamName } });
    await expect(getTeamForActor(owner, team.teamId)).rejects.toMatchObject(notFound);
  });
});

import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { listAuditEvents } from "@/lib/audit/service";
import { createInviteInputSchema } from "@/lib/invites/schema";
import { acceptInvite, createInvite, getInvitePreview, listInvitesForTeam, revokeInvite } from "@/lib/invites/service";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let viewer: TestUser;
let newcomer: TestUser;
let outsider: TestUser;
let team: TestTeam;

const notFound = { name: "AppError", code: "not_found" };
const forbidden = { name: "AppError", code: "forbidden" };
const input = (values: Record<string, unknown> = {}) => createInviteInputSchema.parse(values);

beforeEach(async () => {
  [owner, moderator, member, viewer, newcomer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Member", "Viewer", "Newcomer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
});

afterAll(disconnectTestDb);

async function roleOf(user: TestUser) {
  const row = await getTestDb().membership.findUnique({ where: { teamId_userId: { teamId: team.teamId, userId: user.userId } } });
  return row?.role ?? null;
}

describe("without access", () => {
  it("non-members, members and viewers cannot create or list invitations", async () => {
    await expect(createInvite(outsider, team.teamId, input())).rejects.toMatchObject(notFound);
    await expect(listInvitesForTeam(outsider, team.teamId)).rejects.toMatchObject(notFound);
    await expect(createInvite(member, team.teamId, input())).rejects.toMatchObject(forbidden);
    await expect(createInvite(viewer, team.teamId, input())).rejects.toMatchObject(forbidden);
    await expect(listInvitesForTeam(member, team.teamId)).rejects.toMatchObject(forbidden);
    expect(await getTestDb().invite.count({ where: { teamId: team.teamId } })).toBe(0);
  });

  it("revoking someone else's team's invitation is a 404, like a missing one", async () => {
    const invite = await createInvite(owner, team.teamId, input());
    await expect(revokeInvite(outsider, invite.id)).rejects.toMatchObject(notFound);
    await expect(revokeInvite(outsider, "nope")).rejects.toMatchObject(notFound);
    await expect(revokeInvite(member, invite.id)).rejects.toMatchObject(forbidden);
    expect((await listInvitesForTeam(owner, team.teamId))[0]?.status).toBe("active");
  });
});

describe("createInvite", () => {
  it("owners invite any role but owner; moderators only members and viewers", async () => {
    for (const role of ["MODERATOR", "MEMBER", "VIEWER"] as const) {
      expect((await createInvite(owner, team.teamId, input({ role }))).role).toBe(role);
    }
    await expect(createInvite(moderator, team.teamId, input({ role: "MODERATOR" }))).rejects.toMatchObject(forbidden);
    const byModerator = await createInvite(moderator, team.teamId, input({ role: "VIEWER", expiresInHours: 24 }));
    expect(byModerator).toMatchObject({ role: "VIEWER", status: "active", useCount: 0, maxUses: null, canRevoke: true });
    expect(byModerator.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/u);
    expect(byModerator.path).toBe(`/join/${byModerator.code}`);
    const hours = (new Date(byModerator.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect(() => input({ role: "OWNER" })).toThrow();
    expect(() => input({ expiresInHours: 5 })).toThrow();
  });
});

describe("accepting an invitation", () => {
  it("a signed-in user previews and joins with the role of the invitation, by link code in any case", async () => {
    const invite = await createInvite(owner, team.teamId, input({ role: "VIEWER" }));
    const preview = await getInvitePreview(newcomer, invite.code.toLowerCase());
    expect(preview).toMatchObject({ teamId: team.teamId, role: "VIEWER", invitedBy: "Owner", isAlreadyMember: false });
    const joined = await acceptInvite(newcomer, invite.code.replace("-", " "));
    expect(joined).toEqual({ teamId: team.teamId, role: "VIEWER", alreadyMember: false });
    expect(await roleOf(newcomer)).toBe("VIEWER");
    const [listed] = await listInvitesForTeam(owner, team.teamId);
    expect(listed?.useCount).toBe(1);
    const audit = await listAuditEvents(owner, team.teamId);
    expect(audit.items.map((event) => event.action)).toEqual(["member.joined", "invite.created"]);
  });

  it("a member who follows an invitation keeps their role and uses nothing", async () => {
    const invite = await createInvite(owner, team.teamId, input({ role: "VIEWER", maxUses: 1 }));
    expect(await acceptInvite(member, invite.code)).toEqual({ teamId: team.teamId, role: "MEMBER", alreadyMember: true });
    expect(await roleOf(member)).toBe("MEMBER");
    expect((await listInvitesForTeam(owner, team.teamId))[0]?.useCount).toBe(0);
  });

  it("expired, revoked, used-up and made-up codes are all the same 404", async () => {
    const expired = await createInvite(owner, team.teamId, input());
    await getTestDb().invite.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const revoked = await createInvite(owner, team.teamId, input());
    await revokeInvite(moderator, revoked.id);
    const single = await createInvite(owner, team.teamId, input({ maxUses: 1 }));
    await acceptInvite(outsider, single.code);
    for (const code of [expired.code, revoked.code, single.code, "ABCDE-FGHJK", "not a code", ""]) {
      await expect(getInvitePreview(newcomer, code)).rejects.toMatchObject(notFound);
      await expect(acceptInvite(newcomer, code)).rejects.toMatchObject(notFound);
    }
    expect(await roleOf(newcomer)).toBeNull();
    const statuses = (await listInvitesForTeam(owner, team.teamId)).map((invite) => invite.status).sort();
    expect(statuses).toEqual(["expired", "revoked", "used_up"]);
  });

  it("a single-use invitation admits exactly one of two concurrent newcomers", async () => {
    const invite = await createInvite(owner, team.teamId, input({ maxUses: 1 }));
    const results = await Promise.allSettled([acceptInvite(newcomer, invite.code), acceptInvite(outsider, invite.code)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const joined = await getTestDb().membership.count({ where: { teamId: team.teamId, userId: { in: [newcomer.userId, outsider.userId] } } });
    expect(joined).toBe(1);
  });
});

describe("revokeInvite", () => {
  it("moderators revoke invitations for roles they could create, not a moderator invitation", async () => {
    const forModerator = await createInvite(owner, team.teamId, input({ role: "MODERATOR" }));
    await expect(revokeInvite(moderator, forModerator.id)).rejects.toMatchObject(forbidden);
    await revokeInvite(owner, forModerator.id);
    const listed = await listInvitesForTeam(owner, team.teamId);
    expect(listed[0]).toMatchObject({ status: "revoked", canRevoke: false });
    expect((await listAuditEvents(owner, team.teamId)).items[0]?.action).toBe("invite.revoked");
  });
});

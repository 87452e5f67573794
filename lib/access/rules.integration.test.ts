/**
 * lib/access writes each rule three ways (pure predicate, Prisma filter, SQL fragment). This test asks all three,
 * and the functions built on them, the same questions for every kind of actor, and expects one answer.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  canReadClaim,
  claimVisibleSql,
  inMemberTeamWhere,
  memberJoinSql,
  memberTeamWhere,
  readableClaimWhere,
} from "@/lib/access/rules";
import { unsafeCheckStreamGrants } from "@/lib/access/stream-grants";
import { getDocumentAccess, getTeamAccess, requireTeamAction } from "@/lib/access/team-access";
import { AppError } from "@/lib/errors";
import type { ClaimVisibility, Role } from "@/lib/generated/prisma/enums";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";

const actorNames = ["owner", "moderator", "author", "member", "viewer", "non-member"] as const;
type ActorName = (typeof actorNames)[number];
const roles: Record<ActorName, Role | null> = { owner: "OWNER", moderator: "MODERATOR", author: "MEMBER", member: "MEMBER", viewer: "VIEWER", "non-member": null };

let users: Record<ActorName, TestUser>;
let team: TestTeam;
let otherTeam: TestTeam;
const claimIds = new Map<ClaimVisibility, string>();

async function insertClaim(visibility: ClaimVisibility): Promise<string> {
  const claim = await getTestDb().claim.create({
    data: {
      documentId: team.documentId,
      teamId: team.teamId,
      authorId: users.author.userId,
      visibility,
      quoteExact: team.documentText.slice(0, 10),
      positionStart: 0,
      positionEnd: 10,
      documentVersion: 1,
    },
  });
  return claim.id;
}

beforeAll(async () => {
  const created = await unsafeCreateUsers("Owner", "Moderator", "Author", "Member", "Viewer", "Outsider");
  users = Object.fromEntries(actorNames.map((name, index) => [name, created[index]!])) as Record<ActorName, TestUser>;
  team = await unsafeCreateTeamWithArticle(
    actorNames.filter((name) => roles[name]).map((name) => [users[name], roles[name]!] as [TestUser, Role]),
    "Access team",
  );
  // The outsider is a member elsewhere: being a member of some team must not open this one.
  otherTeam = await unsafeCreateTeamWithArticle([[users["non-member"], "OWNER"]], "Other team");
  for (const visibility of ["TEAM", "PRIVATE"] as const) claimIds.set(visibility, await insertClaim(visibility));
});

afterAll(async () => {
  await disconnectTestDb();
});

async function rejectionCode(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe.each(actorNames)("%s", (name) => {
  const expectedRole = () => roles[name];

  it("is a member of the team in every form of the rule, with the same role", async () => {
    const actor = users[name];
    const db = getTestDb();
    const isMember = expectedRole() !== null;
    expect(await db.team.count({ where: { id: team.teamId, ...memberTeamWhere(actor) } })).toBe(isMember ? 1 : 0);
    expect(await db.document.count({ where: { id: team.documentId, ...inMemberTeamWhere(actor) } })).toBe(isMember ? 1 : 0);
    const sqlRows = await db.$queryRawUnsafe<{ role: Role }[]>(
      `SELECT m.role::text AS role FROM documents d ${memberJoinSql("d.team_id", "$2::uuid")} WHERE d.id = $1::uuid`,
      team.documentId,
      actor.userId,
    );
    expect(sqlRows.map((row) => row.role)).toEqual(isMember ? [expectedRole()] : []);

    if (isMember) {
      expect(await getTeamAccess(actor, team.teamId)).toEqual({ teamId: team.teamId, role: expectedRole() });
      expect(await getDocumentAccess(actor, team.documentId)).toEqual({ documentId: team.documentId, teamId: team.teamId, role: expectedRole() });
    } else {
      expect(await rejectionCode(getTeamAccess(actor, team.teamId))).toBe("not_found");
      expect(await rejectionCode(getDocumentAccess(actor, team.documentId))).toBe("not_found");
    }
  });

  it("sees the same claims through the predicate, the Prisma filter and the SQL condition", async () => {
    const actor = users[name];
    const db = getTestDb();
    for (const [visibility, claimId] of claimIds) {
      const expected = expectedRole() !== null && canReadClaim(actor, { visibility, authorId: users.author.userId });
      const viaPrisma = await db.claim.count({ where: { id: claimId, ...readableClaimWhere(actor) } });
      const viaSql = await db.$queryRawUnsafe<{ id: string }[]>(
        `SELECT c.id::text AS id FROM claims c ${memberJoinSql("c.team_id", "$2::uuid")}
         WHERE c.id = $1::uuid AND ${claimVisibleSql("c", "$2::uuid")}`,
        claimId,
        actor.userId,
      );
      expect({ visibility, viaPrisma: viaPrisma === 1, viaSql: viaSql.length === 1 }).toEqual({ visibility, viaPrisma: expected, viaSql: expected });
    }
  });

  it("keeps a live stream open only as a member, with the current role", async () => {
    const actor = users[name];
    const connectionId = randomUUID();
    const grants = await unsafeCheckStreamGrants([
      { connectionId, sessionId: actor.sessionId, userId: actor.userId, teamId: team.teamId, documentId: team.documentId },
      // A grant naming another team's document is never valid, whatever the actor's memberships.
      { connectionId: "foreign", sessionId: actor.sessionId, userId: actor.userId, teamId: team.teamId, documentId: otherTeam.documentId },
    ]);
    expect(grants.get(connectionId) ?? null).toBe(expectedRole());
    expect(grants.has("foreign")).toBe(false);
  });

  it("is allowed a team action exactly when the role grants it (403 for members, 404 for others)", async () => {
    const actor = users[name];
    const code = await rejectionCode(requireTeamAction(actor, team.teamId, "tag.manage", "errors.tags.cannotManage"));
    const expected = expectedRole() === null ? "not_found" : expectedRole() === "OWNER" || expectedRole() === "MODERATOR" ? null : "forbidden";
    expect(code).toBe(expected);
  });
});

it("treats malformed and unknown ids as not found", async () => {
  const actor = users.owner;
  for (const id of ["not-a-uuid", randomUUID()]) {
    expect(await rejectionCode(getTeamAccess(actor, id))).toBe("not_found");
    expect(await rejectionCode(getDocumentAccess(actor, id))).toBe("not_found");
  }
});

it("ends a stream whose session was revoked", async () => {
  const actor = users.member;
  const db = getTestDb();
  const session = await db.session.create({ data: { userId: actor.userId, expiresAt: new Date(Date.now() + 3600_000), revokedAt: new Date() } });
  const grants = await unsafeCheckStreamGrants([
    { connectionId: "revoked", sessionId: session.id, userId: actor.userId, teamId: team.teamId, documentId: team.documentId },
  ]);
  expect(grants.size).toBe(0);
});

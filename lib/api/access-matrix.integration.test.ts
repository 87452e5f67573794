/**
 * The authorisation matrix: every actor × every action, through the real route handlers (session cookie →
 * actor → lib/ service → PostgreSQL), each cell asserted against the designed status. The table is printed.
 *
 * Designed statuses: 401 anonymous; 404 for anything the actor may not see (non-members, others' private
 * claims); 403 for what a member can see but their role or authorship does not allow; 2xx when allowed.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as claimHideRoute from "@/app/api/claims/[claimId]/hide/route";
import * as claimRoute from "@/app/api/claims/[claimId]/route";
import * as claimCommentsRoute from "@/app/api/claims/[claimId]/comments/route";
import * as commentRoute from "@/app/api/comments/[commentId]/route";
import * as documentClaimsRoute from "@/app/api/documents/[documentId]/claims/route";
import * as documentRoute from "@/app/api/documents/[documentId]/route";
import * as auditRoute from "@/app/api/teams/[teamId]/audit/route";
import * as invitesRoute from "@/app/api/teams/[teamId]/invites/route";
import * as memberRoute from "@/app/api/teams/[teamId]/members/[userId]/route";
import { describeTextRange } from "@/lib/anchoring";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";

const actors = ["anonymous", "non-member", "viewer", "member", "claim author", "moderator", "owner"] as const;
type ActorName = (typeof actors)[number];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { handler: Handler; method: string; path: string; params: Record<string, string>; body?: unknown };

let team: TestTeam;
let users: Record<Exclude<ActorName, "anonymous">, TestUser>;
let roleTarget: TestUser;
const cookies = new Map<ActorName, string>();

/** Per actor, the objects its calls act on (fresh ones where a call changes them). */
type Fixture = {
  privateClaimId: string;
  teamClaimId: string;
  ownCommentId: string | null;
  anothersCommentId: string;
  anothersCommentToDeleteId: string;
  claimToHideId: string;
};
const fixtures = new Map<ActorName, Fixture>();

const actions: { name: string; call: (fixture: Fixture) => Call; expected: Record<ActorName, number> }[] = [
  {
    name: "read document",
    call: () => ({ handler: documentRoute.GET as Handler, method: "GET", path: `/api/documents/${team.documentId}`, params: { documentId: team.documentId } }),
    expected: { anonymous: 401, "non-member": 404, viewer: 200, member: 200, "claim author": 200, moderator: 200, owner: 200 },
  },
  {
    name: "correct document language",
    call: () => ({
      handler: documentRoute.PATCH as Handler,
      method: "PATCH",
      path: `/api/documents/${team.documentId}`,
      params: { documentId: team.documentId },
      body: { lang: "nl" },
    }),
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 403, "claim author": 403, moderator: 200, owner: 200 },
  },
  {
    name: "list claims",
    call: () => ({ handler: documentClaimsRoute.GET as Handler, method: "GET", path: `/api/documents/${team.documentId}/claims`, params: { documentId: team.documentId } }),
    expected: { anonymous: 401, "non-member": 404, viewer: 200, member: 200, "claim author": 200, moderator: 200, owner: 200 },
  },
  {
    name: "read private claim",
    call: (fixture) => ({ handler: claimRoute.GET as Handler, method: "GET", path: `/api/claims/${fixture.privateClaimId}`, params: { claimId: fixture.privateClaimId } }),
    expected: { anonymous: 401, "non-member": 404, viewer: 404, member: 404, "claim author": 200, moderator: 404, owner: 404 },
  },
  {
    name: "create claim",
    call: () => {
      const start = team.documentText.indexOf("Weinig opties");
      const { quote, position } = describeTextRange(team.documentText, { start, end: start + "Weinig opties".length });
      return {
        handler: documentClaimsRoute.POST as Handler,
        method: "POST",
        path: `/api/documents/${team.documentId}/claims`,
        params: { documentId: team.documentId },
        body: { target: { selector: [quote, position] }, tags: ["military"] },
      };
    },
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 201, "claim author": 201, moderator: 201, owner: 201 },
  },
  {
    name: "comment",
    call: (fixture) => ({
      handler: claimCommentsRoute.POST as Handler,
      method: "POST",
      path: `/api/claims/${fixture.teamClaimId}/comments`,
      params: { claimId: fixture.teamClaimId },
      body: { body: "Een opmerking" },
    }),
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 201, "claim author": 201, moderator: 201, owner: 201 },
  },
  {
    name: "edit own",
    call: (fixture) => {
      const id = fixture.ownCommentId ?? randomUUID();
      return { handler: commentRoute.PATCH as Handler, method: "PATCH", path: `/api/comments/${id}`, params: { commentId: id }, body: { body: "Bewerkt" } };
    },
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 200, "claim author": 200, moderator: 200, owner: 200 },
  },
  {
    name: "edit another's",
    call: (fixture) => ({
      handler: commentRoute.PATCH as Handler,
      method: "PATCH",
      path: `/api/comments/${fixture.anothersCommentId}`,
      params: { commentId: fixture.anothersCommentId },
      body: { body: "Overschreven" },
    }),
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 403, "claim author": 403, moderator: 403, owner: 403 },
  },
  {
    name: "delete another's",
    call: (fixture) => ({
      handler: commentRoute.DELETE as Handler,
      method: "DELETE",
      path: `/api/comments/${fixture.anothersCommentToDeleteId}`,
      params: { commentId: fixture.anothersCommentToDeleteId },
    }),
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 403, "claim author": 403, moderator: 200, owner: 200 },
  },
  {
    name: "hide",
    call: (fixture) => ({
      handler: claimHideRoute.POST as Handler,
      method: "POST",
      path: `/api/claims/${fixture.claimToHideId}/hide`,
      params: { claimId: fixture.claimToHideId },
      body: { reason: "Off-topic" },
    }),
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 403, "claim author": 403, moderator: 200, owner: 200 },
  },
  {
    name: "invite",
    call: () => ({
      handler: invitesRoute.POST as Handler,
      method: "POST",
      path: `/api/teams/${team.teamId}/invites`,
      params: { teamId: team.teamId },
      body: { role: "MEMBER" },
    }),
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 403, "claim author": 403, moderator: 201, owner: 201 },
  },
  {
    name: "change role",
    call: () => ({
      handler: memberRoute.PATCH as Handler,
      method: "PATCH",
      path: `/api/teams/${team.teamId}/members/${roleTarget.userId}`,
      params: { teamId: team.teamId, userId: roleTarget.userId },
      body: { role: "VIEWER" },
    }),
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 403, "claim author": 403, moderator: 403, owner: 200 },
  },
  {
    name: "read audit log",
    call: () => ({ handler: auditRoute.GET as Handler, method: "GET", path: `/api/teams/${team.teamId}/audit`, params: { teamId: team.teamId } }),
    expected: { anonymous: 401, "non-member": 404, viewer: 403, member: 403, "claim author": 403, moderator: 403, owner: 200 },
  },
];

async function createClaimRow(author: TestUser, phrase: string, visibility: "TEAM" | "PRIVATE" = "TEAM"): Promise<string> {
  const start = team.documentText.indexOf(phrase);
  const { quote, position } = describeTextRange(team.documentText, { start, end: start + phrase.length });
  const claim = await getTestDb().claim.create({
    data: {
      documentId: team.documentId,
      teamId: team.teamId,
      authorId: author.userId,
      visibility,
      quoteExact: quote.exact,
      quotePrefix: quote.prefix,
      quoteSuffix: quote.suffix,
      positionStart: position.start,
      positionEnd: position.end,
      documentVersion: 1,
    },
  });
  return claim.id;
}

async function createCommentRow(claimId: string, author: TestUser, body: string): Promise<string> {
  return (await getTestDb().comment.create({ data: { claimId, authorId: author.userId, body } })).id;
}

async function send(actor: ActorName, call: Call): Promise<number> {
  const headers = new Headers({ host: "margin.test" });
  const cookie = cookies.get(actor);
  if (cookie) headers.set("cookie", cookie);
  if (call.body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://margin.test${call.path}`, {
    method: call.method,
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  const response = await call.handler(request, { params: Promise.resolve(call.params) });
  if (response.status >= 400) {
    const body = (await response.json()) as { error?: { code?: string } };
    expect(body.error?.code, `${actor} ${call.method} ${call.path}: JSON error body`).toEqual(expect.any(String));
  }
  return response.status;
}

beforeAll(async () => {
  const [nonMember, viewer, member, author, moderator, owner, target] = await unsafeCreateUsers(
    "Non-member",
    "Viewer",
    "Member",
    "Claim author",
    "Moderator",
    "Owner",
    "Role target",
  );
  users = { "non-member": nonMember, viewer, member, "claim author": author, moderator, owner };
  roleTarget = target;
  const memberships: [TestUser, Role][] = [
    [viewer, "VIEWER"],
    [member, "MEMBER"],
    [author, "MEMBER"],
    [moderator, "MODERATOR"],
    [owner, "OWNER"],
    [target, "MEMBER"],
    // The non-member was a member once: their old comment stays, but their access went with the membership.
    [nonMember, "MEMBER"],
  ];
  team = await unsafeCreateTeamWithArticle(memberships, "Matrix team");

  const privateClaimId = await createClaimRow(author, "De drones hebben de dynamiek", "PRIVATE");
  const teamClaimId = await createClaimRow(author, "Weinig opties");
  for (const actor of actors) {
    const user = actor === "anonymous" ? null : users[actor];
    // "Another's" comments are the claim author's, or the member's for the claim author.
    const other = actor === "claim author" ? member : author;
    fixtures.set(actor, {
      privateClaimId,
      teamClaimId,
      ownCommentId: user ? await createCommentRow(teamClaimId, user, `Van ${actor}`) : null,
      anothersCommentId: await createCommentRow(teamClaimId, other, `Van een ander, voor ${actor}`),
      anothersCommentToDeleteId: await createCommentRow(teamClaimId, other, `Te verwijderen, voor ${actor}`),
      claimToHideId: await createClaimRow(author, "Verdeel-en-heers"),
    });
    if (user) cookies.set(actor, await unsafeCreateSessionCookie(user));
  }
  await getTestDb().membership.delete({ where: { teamId_userId: { teamId: team.teamId, userId: nonMember.userId } } });
});

afterAll(disconnectTestDb);

describe("authorisation matrix (actors × actions, through the route handlers)", () => {
  it("answers every cell as designed", async () => {
    const rows: string[][] = [];
    const mismatches: string[] = [];
    let cells = 0;
    for (const action of actions) {
      const row = [action.name];
      for (const actor of actors) {
        const status = await send(actor, action.call(fixtures.get(actor)!));
        const expected = action.expected[actor];
        cells += 1;
        row.push(status === expected ? `${status} ✓` : `${status} ✗ (want ${expected})`);
        if (status !== expected) mismatches.push(`${actor} → ${action.name}: got ${status}, want ${expected}`);
      }
      rows.push(row);
    }
    const header = ["action \\ actor", ...actors];
    const table = [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
    console.log(`\nAuthorisation matrix: ${cells - mismatches.length}/${cells} cells as designed\n${table}\n`);
    expect(cells).toBe(actors.length * actions.length);
    expect(mismatches).toEqual([]);
  });

  it("refused calls changed nothing; allowed ones changed exactly their target", async () => {
    const db = getTestDb();
    for (const actor of actors) {
      const fixture = fixtures.get(actor)!;
      const another = await db.comment.findUniqueOrThrow({ where: { id: fixture.anothersCommentId } });
      expect(another.editedAt, `${actor} could not edit another's comment`).toBeNull();
      const deleted = await db.comment.findUniqueOrThrow({ where: { id: fixture.anothersCommentToDeleteId } });
      expect(deleted.deletedAt !== null, `${actor} deleting another's comment`).toBe(actor === "moderator" || actor === "owner");
      const hidden = await db.claim.findUniqueOrThrow({ where: { id: fixture.claimToHideId } });
      expect(hidden.hiddenAt !== null, `${actor} hiding a claim`).toBe(actor === "moderator" || actor === "owner");
    }
    const targetRole = await db.membership.findUniqueOrThrow({ where: { teamId_userId: { teamId: team.teamId, userId: roleTarget.userId } } });
    expect(targetRole.role).toBe("VIEWER");
    const invites = await db.invite.findMany({ where: { teamId: team.teamId }, include: { createdBy: true } });
    expect(invites.map((invite) => invite.createdBy.name).sort()).toEqual(["Moderator", "Owner"]);
  });
});

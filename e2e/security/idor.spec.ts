import type { APIResponse } from "@playwright/test";

import { signInThroughApi } from "../fixtures/auth";
import { listRouteMethods } from "../fixtures/routes";
import { expect, test } from "../fixtures/team";

/**
 * Insecure direct object references: a signed-in user of another team swaps the victim team's ids into every
 * endpoint that takes an id. Every one must answer 404 — exactly as for a missing id — and change nothing.
 * The list below is checked against the route files, so a new endpoint cannot be added without a row here.
 */
/** Endpoints that take no object id (nothing to swap), or are public, with the reason. */
const withoutObjectIds = new Map([
  ["GET /api/health", "public liveness"],
  ["GET /api/health/ready", "public readiness"],
  ["GET /api/auth/[...nextauth]", "Auth.js"],
  ["POST /api/auth/[...nextauth]", "Auth.js"],
  ["GET /api/documents", "lists the caller's own documents"],
  ["GET /api/teams", "lists the caller's own teams"],
  ["POST /api/teams", "creates a new team"],
  ["GET /api/notifications", "the caller's own notifications"],
  ["POST /api/notifications/read", "the caller's own notifications"],
  // The code is the capability itself (whoever holds it may join); made-up codes are 404 and guessing is
  // rate-limited (lib/invites tests).
  ["GET /api/join/[code]", "an invitation code grants access by design"],
  ["POST /api/join/[code]", "an invitation code grants access by design"],
]);

test("every endpoint that takes an id answers 404 to another team's user, and changes nothing", async ({ browser, team }) => {
  const { getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUser } = await import("../../lib/testing/factories");
  const db = getTestDb();

  // The victim team's objects: a claim with a comment, a tag, an invitation.
  const victimContext = await browser.newContext();
  await signInThroughApi(victimContext, team.alice);
  const victim = victimContext.request;
  const exact = "Weinig opties";
  const start = team.documentText.indexOf(exact);
  const claim = await (
    await victim.post(`/api/documents/${team.documentId}/claims`, {
      data: { target: { selector: [{ type: "TextQuoteSelector", exact }, { type: "TextPositionSelector", start, end: start + exact.length }] } },
    })
  ).json();
  const comment = await (await victim.post(`/api/claims/${claim.id}/comments`, { data: { body: "Intern" } })).json();
  const invite = await (await victim.post(`/api/teams/${team.teamId}/invites`, { data: { role: "MEMBER", maxUses: 1 } })).json();
  const evidence = await (
    await victim.post(`/api/claims/${claim.id}/evidence`, { data: { title: "Persbericht", url: "https://example.org/persbericht", stance: "supports" } })
  ).json();
  // A proposed verdict waiting, so that publishing it would have something to publish.
  expect((await victim.put(`/api/claims/${claim.id}/verdict`, { data: { rating: "half_true", summary: "Intern oordeel" } })).status()).toBe(200);
  const tag = await db.tag.findFirstOrThrow({ where: { teamId: team.teamId, name: "military" } });

  // The attacker owns another team, so every role check would pass if the team were not verified.
  const attacker = await unsafeCreateUser("Mallory");
  await unsafeCreateTeamWithArticle([[attacker, "OWNER"]], "Mallory's team");
  const attackerContext = await browser.newContext();
  await signInThroughApi(attackerContext, attacker);
  const api = attackerContext.request;
  const teamId = team.teamId;

  const attempts: [string, () => Promise<APIResponse>][] = [
    [`GET /api/documents/[documentId]`, () => api.get(`/api/documents/${team.documentId}`)],
    [`PATCH /api/documents/[documentId]`, () => api.patch(`/api/documents/${team.documentId}`, { data: { lang: "fr" } })],
    [`GET /api/documents/[documentId]/claims`, () => api.get(`/api/documents/${team.documentId}/claims`)],
    [`GET /api/documents/[documentId]/events`, () => api.get(`/api/documents/${team.documentId}/events?after=0`)],
    [`POST /api/documents/[documentId]/claims`, () => api.post(`/api/documents/${team.documentId}/claims`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact }] } } })],
    [`GET /api/documents/[documentId]/claimreview`, () => api.get(`/api/documents/${team.documentId}/claimreview`)],
    [`GET /api/documents/[documentId]/publication`, () => api.get(`/api/documents/${team.documentId}/publication`)],
    [`POST /api/documents/[documentId]/publication`, () => api.post(`/api/documents/${team.documentId}/publication`)],
    [`DELETE /api/documents/[documentId]/publication`, () => api.delete(`/api/documents/${team.documentId}/publication`)],
    [`GET /api/documents/[documentId]/versions`, () => api.get(`/api/documents/${team.documentId}/versions`)],
    [`POST /api/documents/[documentId]/versions`, () => api.post(`/api/documents/${team.documentId}/versions`, { data: { format: "text", content: "Overschreven." } })],
    [`GET /api/documents/[documentId]/versions/[number]`, () => api.get(`/api/documents/${team.documentId}/versions/1`)],
    [`POST /api/claims/[claimId]/reattach`, () => api.post(`/api/claims/${claim.id}/reattach`, { data: { target: { selector: [{ type: "TextQuoteSelector", exact }] } } })],
    [`POST /api/claims/[claimId]/dismiss`, () => api.post(`/api/claims/${claim.id}/dismiss`)],
    [`GET /api/claims/[claimId]`, () => api.get(`/api/claims/${claim.id}`)],
    [`PATCH /api/claims/[claimId]`, () => api.patch(`/api/claims/${claim.id}`, { data: { tags: [] } })],
    [`PATCH /api/claims/[claimId]`, () => api.patch(`/api/claims/${claim.id}`, { data: { status: "checked", assigneeId: attacker.userId } })],
    [`GET /api/claims/[claimId]/history`, () => api.get(`/api/claims/${claim.id}/history`)],
    [`DELETE /api/claims/[claimId]`, () => api.delete(`/api/claims/${claim.id}`)],
    [`GET /api/claims/[claimId]/comments`, () => api.get(`/api/claims/${claim.id}/comments`)],
    [`POST /api/claims/[claimId]/comments`, () => api.post(`/api/claims/${claim.id}/comments`, { data: { body: "hallo" } })],
    [`POST /api/claims/[claimId]/hide`, () => api.post(`/api/claims/${claim.id}/hide`, { data: { reason: "weg" } })],
    [`DELETE /api/claims/[claimId]/hide`, () => api.delete(`/api/claims/${claim.id}/hide`)],
    [`GET /api/claims/[claimId]/thread`, () => api.get(`/api/claims/${claim.id}/thread`)],
    [`PUT /api/claims/[claimId]/thread`, () => api.put(`/api/claims/${claim.id}/thread`, { data: { resolved: true } })],
    [`PATCH /api/comments/[commentId]`, () => api.patch(`/api/comments/${comment.id}`, { data: { body: "overschreven" } })],
    [`DELETE /api/comments/[commentId]`, () => api.delete(`/api/comments/${comment.id}`)],
    [`POST /api/comments/[commentId]/hide`, () => api.post(`/api/comments/${comment.id}/hide`, { data: { reason: "weg" } })],
    [`DELETE /api/comments/[commentId]/hide`, () => api.delete(`/api/comments/${comment.id}/hide`)],
    [`PATCH /api/tags/[tagId]`, () => api.patch(`/api/tags/${tag.id}`, { data: { name: "gekaapt" } })],
    [`DELETE /api/tags/[tagId]`, () => api.delete(`/api/tags/${tag.id}`)],
    [`GET /api/teams/[teamId]`, () => api.get(`/api/teams/${teamId}`)],
    [`PATCH /api/teams/[teamId]`, () => api.patch(`/api/teams/${teamId}`, { data: { name: "Overgenomen" } })],
    [`DELETE /api/teams/[teamId]`, () => api.delete(`/api/teams/${teamId}`, { data: { confirmName: "x" } })],
    [`GET /api/teams/[teamId]/audit`, () => api.get(`/api/teams/${teamId}/audit`)],
    [`GET /api/teams/[teamId]/documents`, () => api.get(`/api/teams/${teamId}/documents`)],
    [`GET /api/teams/[teamId]/claims`, () => api.get(`/api/teams/${teamId}/claims?q=opties`)],
    [`POST /api/teams/[teamId]/documents`, () => api.post(`/api/teams/${teamId}/documents`, { data: { title: "Ingeschoven", text: "Tekst." } })],
    [`GET /api/teams/[teamId]/invites`, () => api.get(`/api/teams/${teamId}/invites`)],
    [`POST /api/teams/[teamId]/invites`, () => api.post(`/api/teams/${teamId}/invites`, { data: { role: "MEMBER" } })],
    [`POST /api/teams/[teamId]/leave`, () => api.post(`/api/teams/${teamId}/leave`)],
    [`GET /api/teams/[teamId]/members`, () => api.get(`/api/teams/${teamId}/members`)],
    [`PATCH /api/teams/[teamId]/members/[userId]`, () => api.patch(`/api/teams/${teamId}/members/${team.bob.userId}`, { data: { role: "VIEWER" } })],
    [`DELETE /api/teams/[teamId]/members/[userId]`, () => api.delete(`/api/teams/${teamId}/members/${team.bob.userId}`)],
    [`POST /api/teams/[teamId]/ownership`, () => api.post(`/api/teams/${teamId}/ownership`, { data: { userId: attacker.userId } })],
    [`GET /api/teams/[teamId]/tags`, () => api.get(`/api/teams/${teamId}/tags`)],
    [`POST /api/teams/[teamId]/tags`, () => api.post(`/api/teams/${teamId}/tags`, { data: { name: "ingeschoven", color: tag.color } })],
    [`DELETE /api/invites/[inviteId]`, () => api.delete(`/api/invites/${invite.id}`)],
    [`GET /api/claims/[claimId]/verdict`, () => api.get(`/api/claims/${claim.id}/verdict`)],
    [`PUT /api/claims/[claimId]/verdict`, () => api.put(`/api/claims/${claim.id}/verdict`, { data: { rating: "false", summary: "Gekaapt" } })],
    [`POST /api/claims/[claimId]/verdict/publish`, () => api.post(`/api/claims/${claim.id}/verdict/publish`)],
    [`GET /api/claims/[claimId]/evidence`, () => api.get(`/api/claims/${claim.id}/evidence`)],
    [`POST /api/claims/[claimId]/evidence`, () => api.post(`/api/claims/${claim.id}/evidence`, { data: { title: "Ingeschoven", stance: "refutes" } })],
    [`PATCH /api/evidence/[evidenceId]`, () => api.patch(`/api/evidence/${evidence.id}`, { data: { title: "Overschreven" } })],
    [`DELETE /api/evidence/[evidenceId]`, () => api.delete(`/api/evidence/${evidence.id}`)],
    [`GET /api/teams/[teamId]/ratings`, () => api.get(`/api/teams/${teamId}/ratings`)],
    [`PUT /api/teams/[teamId]/ratings`, () => api.put(`/api/teams/${teamId}/ratings`, { data: { ratings: [{ key: "true", label: "Gekaapt", color: "#15803d" }] } })],
  ];

  // Every route method is either attacked above or listed as taking no object id.
  const covered = new Set([...attempts.map(([name]) => name), ...withoutObjectIds.keys()]);
  expect(listRouteMethods().filter((method) => !covered.has(method))).toEqual([]);

  for (const [name, attempt] of attempts) {
    const response = await attempt();
    expect(response.status(), name).toBe(404);
    expect((await response.json()).error.code, name).toBe("not_found");
  }

  // An invitation code is the one id that grants access by design: joining with it is what it is for.
  expect((await api.get(`/api/join/${invite.code}`)).status()).toBe(200);

  // Nothing changed in the victim team.
  const after = {
    claim: await db.claim.findUnique({
      where: { id: claim.id },
      select: { hiddenAt: true, status: true, assigneeId: true, threadResolvedAt: true },
    }),
    comment: await db.comment.findUnique({ where: { id: comment.id }, select: { body: true, deletedAt: true, hiddenAt: true } }),
    tag: await db.tag.findUnique({ where: { id: tag.id }, select: { name: true } }),
    team: await db.team.findUnique({ where: { id: teamId }, select: { name: true } }),
    bob: await db.membership.findUnique({ where: { teamId_userId: { teamId, userId: team.bob.userId } }, select: { role: true } }),
    attackerMember: await db.membership.count({ where: { teamId, userId: attacker.userId } }),
    invite: await db.invite.findUnique({ where: { id: invite.id }, select: { revokedAt: true } }),
    documents: await db.document.count({ where: { teamId } }),
    lang: (await db.document.findUniqueOrThrow({ where: { id: team.documentId }, select: { lang: true } })).lang,
    tags: await db.tag.count({ where: { teamId } }),
    proposal: await db.verdictProposal.findUnique({ where: { claimId: claim.id }, select: { rating: true, summary: true } }),
    verdicts: await db.verdict.count({ where: { claimId: claim.id } }),
    ratings: await db.rating.count({ where: { teamId } }),
    publications: await db.publication.count({ where: { teamId } }),
    evidence: await db.evidence.findMany({ where: { claimId: claim.id }, select: { id: true, title: true } }),
  };
  expect(after).toEqual({
    claim: { hiddenAt: null, status: "OPEN", assigneeId: null, threadResolvedAt: null },
    comment: { body: "Intern", deletedAt: null, hiddenAt: null },
    tag: { name: "military" },
    team: { name: expect.stringMatching(/^Test team/u) },
    bob: { role: "MEMBER" },
    attackerMember: 0,
    invite: { revokedAt: null },
    documents: 1,
    lang: "nl",
    tags: 4,
    proposal: { rating: "half_true", summary: "Intern oordeel" },
    verdicts: 0,
    ratings: 0,
    publications: 0,
    evidence: [{ id: evidence.id, title: "Persbericht" }],
  });
  await victimContext.close();
  await attackerContext.close();
});

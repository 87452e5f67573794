import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as ratingsRoute from "@/app/api/teams/[teamId]/ratings/route";
import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim } from "@/lib/claims/service";
import { getDocumentForActor } from "@/lib/documents/service";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";
import { getTeamRatingScale, updateRatingScale } from "@/lib/verdicts/rating-scale";
import { defaultRatingKeys } from "@/lib/verdicts/scale";
import { proposeVerdictInputSchema, updateRatingScaleInputSchema, type UpdateRatingScaleRequest } from "@/lib/verdicts/schema";
import { proposeVerdict } from "@/lib/verdicts/service";

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let viewer: TestUser;
let outsider: TestUser;

/** A fresh team per test that edits the scale, so each starts from the default. */
async function freshTeam(): Promise<TestTeam> {
  return unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
}

/** The default scale's keys with Dutch labels, "mostly_false" recoloured to magenta. */
const editedScale: UpdateRatingScaleRequest = {
  ratings: defaultRatingKeys.map((key) => ({
    key,
    label: key === "unverifiable" ? null : `Label ${key}`,
    color: key === "mostly_false" ? "#BE185D" : key === "true" ? "#15803d" : "#475569",
  })),
};

const update = (actor: TestUser, teamId: string, body: UpdateRatingScaleRequest) => updateRatingScale(actor, teamId, updateRatingScaleInputSchema.parse(body));

async function callRoute(method: "GET" | "PUT", teamId: string, user: TestUser | null, body?: unknown) {
  const headers = new Headers({ host: "margin.test" });
  if (user) headers.set("cookie", await unsafeCreateSessionCookie(user));
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://margin.test/api/teams/${teamId}/ratings`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const handler = (method === "GET" ? ratingsRoute.GET : ratingsRoute.PUT) as (request: Request, context: { params: Promise<{ teamId: string }> }) => Promise<Response>;
  const response = await handler(request, { params: Promise.resolve({ teamId }) });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; details?: { fields?: Record<string, string> } } } };
}

beforeAll(async () => {
  [owner, moderator, member, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Member", "Viewer", "Outsider");
});

afterAll(disconnectTestDb);

describe("through the JSON API", () => {
  it("requires authentication (401) for reading and editing", async () => {
    const team = await freshTeam();
    expect((await callRoute("GET", team.teamId, null)).status).toBe(401);
    expect((await callRoute("PUT", team.teamId, null, editedScale)).status).toBe(401);
    expect(await getTestDb().rating.count({ where: { teamId: team.teamId } })).toBe(0);
  });

  it("answers 404 to non-members, 403 to moderators, 200 to the owner; a bad colour is a 422 naming its field", async () => {
    const team = await freshTeam();
    expect((await callRoute("GET", team.teamId, outsider)).status).toBe(404);
    expect((await callRoute("PUT", team.teamId, outsider, editedScale)).status).toBe(404);
    expect((await callRoute("PUT", team.teamId, moderator, editedScale)).status).toBe(403);
    const badColour = { ratings: editedScale.ratings.map((rating, index) => (index === 2 ? { ...rating, color: "#fde047" } : rating)) };
    expect(await callRoute("PUT", team.teamId, owner, badColour)).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed", details: { fields: { "ratings.2.color": expect.stringContaining("palette colour") } } } },
    });
    expect((await callRoute("PUT", team.teamId, owner, editedScale)).status).toBe(200);
  });
});

describe("getTeamRatingScale", () => {
  it("every member reads the default scale until the owner edits it; only the owner may manage it", async () => {
    const team = await freshTeam();
    for (const [actor, canManage] of [
      [owner, true],
      [moderator, false],
      [member, false],
      [viewer, false],
    ] as const) {
      const scale = await getTeamRatingScale(actor, team.teamId);
      expect(scale.ratings.map((rating) => [rating.key, rating.label, rating.value])).toEqual([
        ["true", null, 5],
        ["mostly_true", null, 4],
        ["half_true", null, 3],
        ["mostly_false", null, 2],
        ["false", null, 1],
        ["unverifiable", null, null],
      ]);
      expect(scale).toMatchObject({ bestRating: 5, worstRating: 1, abilities: { canManage } });
    }
    await expect(getTeamRatingScale(outsider, team.teamId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("updateRatingScale", () => {
  it("the owner sets labels and colours: stored as rows in order, scoring kept, recorded in the audit log", async () => {
    const team = await freshTeam();
    const scale = await update(owner, team.teamId, editedScale);
    expect(scale.ratings.map((rating) => [rating.key, rating.label, rating.color, rating.value])).toEqual([
      ["true", "Label true", "#15803d", 5],
      ["mostly_true", "Label mostly_true", "#475569", 4],
      ["half_true", "Label half_true", "#475569", 3],
      ["mostly_false", "Label mostly_false", "#be185d", 2],
      ["false", "Label false", "#475569", 1],
      ["unverifiable", null, "#475569", null],
    ]);
    const db = getTestDb();
    const rows = await db.rating.findMany({ where: { teamId: team.teamId }, orderBy: { position: "asc" } });
    expect(rows.map((row) => [row.key, row.position, row.scored])).toEqual([
      ["true", 0, true],
      ["mostly_true", 1, true],
      ["half_true", 2, true],
      ["mostly_false", 3, true],
      ["false", 4, true],
      ["unverifiable", 5, false],
    ]);
    const audit = await db.auditEvent.findMany({ where: { teamId: team.teamId, action: "ratings.updated" } });
    expect(audit).toEqual([expect.objectContaining({ actorId: owner.userId, targetType: "team", targetId: team.teamId })]);
    // Every member sees it, and so does the document page.
    expect((await getTeamRatingScale(viewer, team.teamId)).ratings[3]).toMatchObject({ label: "Label mostly_false", color: "#be185d" });
    expect((await getDocumentForActor(member, team.documentId)).ratingScale.ratings[3]).toMatchObject({ label: "Label mostly_false" });
  });

  it("editing again replaces the rows: a label set back to null is the built-in one again", async () => {
    const team = await freshTeam();
    await update(owner, team.teamId, editedScale);
    const again = await update(owner, team.teamId, { ratings: editedScale.ratings.map((rating) => ({ ...rating, label: null })) });
    expect(again.ratings.every((rating) => rating.label === null)).toBe(true);
    expect(await getTestDb().rating.count({ where: { teamId: team.teamId } })).toBe(defaultRatingKeys.length);
  });

  it.each([
    { role: "moderator", actor: () => moderator },
    { role: "member", actor: () => member },
    { role: "viewer", actor: () => viewer },
  ])("a $role gets 403, and nothing is written", async ({ actor }) => {
    const team = await freshTeam();
    await expect(update(actor(), team.teamId, editedScale)).rejects.toMatchObject({ code: "forbidden" });
    expect(await getTestDb().rating.count({ where: { teamId: team.teamId } })).toBe(0);
  });

  it("a non-member gets 404", async () => {
    const team = await freshTeam();
    await expect(update(outsider, team.teamId, editedScale)).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    { what: "a rating left out", ratings: editedScale.ratings.slice(0, -1) },
    { what: "two ratings swapped", ratings: [editedScale.ratings[1]!, editedScale.ratings[0]!, ...editedScale.ratings.slice(2)] },
    { what: "a key of another scale", ratings: editedScale.ratings.map((rating, index) => (index === 0 ? { ...rating, key: "correct" } : rating)) },
    { what: "a rating twice", ratings: [...editedScale.ratings, editedScale.ratings[0]!] },
  ])("$what is a 422 naming `ratings`, and nothing is written", async ({ ratings }) => {
    const team = await freshTeam();
    await expect(update(owner, team.teamId, { ratings })).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: { ratings: expect.stringContaining("true, mostly_true, half_true, mostly_false, false, unverifiable") } },
    });
    expect(await getTestDb().rating.count({ where: { teamId: team.teamId } })).toBe(0);
  });

  it("verdicts still name the same ratings: proposing takes the scale's keys, and nothing else", async () => {
    const team = await freshTeam();
    await update(owner, team.teamId, editedScale);
    const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, "Weinig opties"));
    const claim = await createClaim(member, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] } }));
    const proposed = await proposeVerdict(member, claim.id, proposeVerdictInputSchema.parse({ rating: "mostly_false", summary: "x" }));
    expect(proposed.proposal?.rating).toBe("mostly_false");
    await expect(proposeVerdict(member, claim.id, proposeVerdictInputSchema.parse({ rating: "Label mostly_false", summary: "x" }))).rejects.toMatchObject({
      code: "validation_failed",
    });
  });
});

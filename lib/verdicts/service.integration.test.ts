import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as verdictPublishRoute from "@/app/api/claims/[claimId]/verdict/publish/route";
import * as verdictRoute from "@/app/api/claims/[claimId]/verdict/route";
import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, deleteClaim, getClaimForActor, hideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";
import { proposeVerdictInputSchema } from "@/lib/verdicts/schema";
import { getClaimVerdict, proposeVerdict, publishVerdict } from "@/lib/verdicts/service";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

async function makeClaim(actor: TestUser, needle: string, options: { visibility?: "team" | "private" } = {}) {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
  return createClaim(actor, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, ...options }));
}

const propose = (actor: TestUser, claimId: string, rating = "mostly_false", summary = "De cijfers kloppen niet.") =>
  proposeVerdict(actor, claimId, proposeVerdictInputSchema.parse({ rating, summary }));

/** What a claim's verdict left behind in the database: rows, history lines and live events. */
async function traces(claimId: string) {
  const db = getTestDb();
  const [proposal, verdict, revisions, history, events, claim] = await Promise.all([
    db.verdictProposal.findUnique({ where: { claimId } }),
    db.verdict.findUnique({ where: { claimId } }),
    db.verdictRevision.findMany({ where: { claimId }, orderBy: { publishedAt: "asc" } }),
    db.claimHistoryEntry.findMany({ where: { claimId }, orderBy: [{ createdAt: "asc" }, { field: "asc" }] }),
    db.liveEvent.findMany({ where: { claimId, type: { startsWith: "verdict." } }, orderBy: { seq: "asc" } }),
    db.claim.findUnique({ where: { id: claimId }, select: { status: true } }),
  ]);
  return {
    proposal,
    verdict,
    revisions,
    history: history.map(({ field, from, to, actorId }) => ({ field, from, to, actorId })),
    events: events.map(({ type, actorId, audience, audienceUserId, documentId }) => ({ type, actorId, audience, audienceUserId, documentId })),
    status: claim?.status,
  };
}

type Handler = (request: Request, context: { params: Promise<{ claimId: string }> }) => Promise<Response>;

/** Calls a route handler as a browser would: with `user`'s session cookie, or none. */
async function callRoute(handler: Handler, method: string, claimId: string, user: TestUser | null, body?: unknown) {
  const headers = new Headers({ host: "margin.test" });
  if (user) headers.set("cookie", await unsafeCreateSessionCookie(user));
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://margin.test/api/claims/${claimId}/verdict`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve({ claimId }) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string; details?: { fields?: Record<string, string> } } } };
}

beforeAll(async () => {
  [owner, moderator, author, colleague, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Author", "Colleague", "Viewer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
});

afterAll(disconnectTestDb);

describe("through the JSON API", () => {
  it("requires authentication (401) for reading, proposing and publishing", async () => {
    const claim = await makeClaim(author, "Weinig opties");
    expect((await callRoute(verdictRoute.GET as Handler, "GET", claim.id, null)).status).toBe(401);
    expect((await callRoute(verdictRoute.PUT as Handler, "PUT", claim.id, null, { rating: "true", summary: "x" })).status).toBe(401);
    expect((await callRoute(verdictPublishRoute.POST as Handler, "POST", claim.id, null)).status).toBe(401);
    expect((await traces(claim.id)).proposal).toBeNull();
  });

  it("answers each role with its status: propose 200 for members, publish 403 for them and 200 for moderators", async () => {
    const claim = await makeClaim(author, "Maar veel opties heeft hij niet.");
    const body = { rating: "mostly_false", summary: "Niet waar." };
    expect((await callRoute(verdictRoute.PUT as Handler, "PUT", claim.id, outsider, body)).status).toBe(404);
    expect((await callRoute(verdictRoute.PUT as Handler, "PUT", claim.id, viewer, body)).status).toBe(403);
    expect((await callRoute(verdictRoute.PUT as Handler, "PUT", claim.id, colleague, body)).status).toBe(200);
    expect((await callRoute(verdictPublishRoute.POST as Handler, "POST", claim.id, colleague)).status).toBe(403);
    expect((await callRoute(verdictPublishRoute.POST as Handler, "POST", claim.id, viewer)).status).toBe(403);
    expect((await callRoute(verdictPublishRoute.POST as Handler, "POST", claim.id, outsider)).status).toBe(404);
    const published = await callRoute(verdictPublishRoute.POST as Handler, "POST", claim.id, moderator);
    expect(published).toMatchObject({ status: 200, body: { proposal: null, published: { rating: "mostly_false", summary: "Niet waar." } } });
    expect((await callRoute(verdictRoute.GET as Handler, "GET", claim.id, viewer)).body).toMatchObject({ published: { rating: "mostly_false" } });
  });

  it("an unknown rating is a 422 naming `rating`; a summary of 2,001 characters one naming `summary`", async () => {
    const claim = await makeClaim(author, "Rusland mag formeel");
    const unknown = await callRoute(verdictRoute.PUT as Handler, "PUT", claim.id, author, { rating: "pants_on_fire", summary: "x" });
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: "validation_failed", details: { fields: { rating: "Choose a rating from the team's scale" } } } } });
    const long = await callRoute(verdictRoute.PUT as Handler, "PUT", claim.id, author, { rating: "true", summary: "a".repeat(2001) });
    expect(long).toMatchObject({ status: 422, body: { error: { details: { fields: { summary: expect.any(String) } } } } });
    expect((await traces(claim.id)).proposal).toBeNull();
  });
});

describe("proposeVerdict", () => {
  it("a member proposes: the proposal is stored with who and when, a history line and a live event are written", async () => {
    const claim = await makeClaim(author, "Poetin moet iets doen om zijn greep");
    const view = await propose(colleague, claim.id, "mostly_false", "  Het Kremlin zei iets anders.  ");
    expect(view).toEqual({
      proposal: { rating: "mostly_false", summary: "Het Kremlin zei iets anders.", proposedBy: { id: colleague.userId, name: "Colleague" }, proposedAt: expect.any(String) },
      published: null,
      revisions: [],
    });
    const after = await traces(claim.id);
    expect(after.history).toEqual([
      { field: "verdict.proposed", from: null, to: { rating: "mostly_false", summary: "Het Kremlin zei iets anders." }, actorId: colleague.userId },
    ]);
    expect(after.events).toEqual([{ type: "verdict.proposed", actorId: colleague.userId, audience: "TEAM", audienceUserId: null, documentId: team.documentId }]);
    expect(after.status).toBe("OPEN");
  });

  it("a new proposal replaces the one waiting, and its history line says what it replaced", async () => {
    const claim = await makeClaim(author, "Het Turkse optreden bedreigt");
    await propose(author, claim.id, "true", "Eerste voorstel.");
    const view = await propose(moderator, claim.id, "half_true", "Tweede voorstel.");
    expect(view.proposal).toMatchObject({ rating: "half_true", summary: "Tweede voorstel.", proposedBy: { name: "Moderator" } });
    const { history, events } = await traces(claim.id);
    expect(history.map(({ field, from, to }) => ({ field, from, to }))).toEqual([
      { field: "verdict.proposed", from: null, to: { rating: "true", summary: "Eerste voorstel." } },
      { field: "verdict.proposed", from: { rating: "true", summary: "Eerste voorstel." }, to: { rating: "half_true", summary: "Tweede voorstel." } },
    ]);
    expect(events).toHaveLength(2);
  });

  it("a viewer gets 403 and nothing is written", async () => {
    const claim = await makeClaim(author, "De regio heeft een bijna heilige status");
    await expect(propose(viewer, claim.id)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await traces(claim.id)).toMatchObject({ proposal: null, history: [], events: [] });
  });

  it.each([
    { what: "a non-member", actor: () => outsider, id: async () => (await makeClaim(author, "Verdeel-en-heers")).id },
    { what: "the owner, for a member's private claim", actor: () => owner, id: async () => (await makeClaim(author, "Verdeel-en-heers", { visibility: "private" })).id },
    { what: "a member, for a random id", actor: () => author, id: async () => randomUUID() },
    { what: "a member, for a malformed id", actor: () => author, id: async () => "nope" },
  ])("$what gets not_found", async ({ actor, id }) => {
    await expect(propose(actor(), await id())).rejects.toMatchObject({ name: "AppError", code: "not_found" });
  });

  it("an unknown rating is a 422 naming `rating`, and nothing is written", async () => {
    const claim = await makeClaim(author, "De drones hebben de dynamiek");
    await expect(propose(author, claim.id, "pants_on_fire")).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: { rating: "Choose a rating from the team's scale" } },
    });
    expect(await traces(claim.id)).toMatchObject({ proposal: null, history: [] });
  });

  it("a hidden claim is a 409, for its author and for a moderator alike", async () => {
    const claim = await makeClaim(author, "Zolang er een");
    await hideClaim(moderator, claim.id, hideInputSchema.parse({ reason: "Dubbel" }));
    await expect(propose(author, claim.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("hid this claim") });
    await expect(propose(moderator, claim.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await traces(claim.id)).proposal).toBeNull();
  });

  it("a deleted claim is a 409 for members of its team, a 404 for anyone else", async () => {
    const claim = await makeClaim(author, "Even leek Rusland");
    await deleteClaim(author, claim.id);
    await expect(propose(colleague, claim.id)).rejects.toMatchObject({ code: "conflict", message: "This claim was deleted" });
    // A viewer too: the claim is gone, whatever their role could have done to it.
    await expect(propose(viewer, claim.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(propose(outsider, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("someone else's deleted private claim stays a 404: it was never theirs to know about", async () => {
    const claim = await makeClaim(author, "Even leek Rusland", { visibility: "private" });
    await deleteClaim(author, claim.id);
    await expect(propose(colleague, claim.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(propose(author, claim.id)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("publishVerdict", () => {
  it.each([
    { role: "member", actor: () => colleague },
    { role: "viewer", actor: () => viewer },
  ])("a $role gets 403, and the proposal stays unpublished", async ({ actor }) => {
    const claim = await makeClaim(author, "Weinig opties");
    await propose(author, claim.id);
    await expect(publishVerdict(actor(), claim.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await traces(claim.id)).toMatchObject({ proposal: { rating: "mostly_false" }, verdict: null, revisions: [], status: "OPEN" });
  });

  it("a non-member gets 404", async () => {
    const claim = await makeClaim(author, "Weinig opties");
    await propose(author, claim.id);
    await expect(publishVerdict(outsider, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    { role: "moderator", actor: () => moderator },
    { role: "owner", actor: () => owner },
  ])("a $role publishes: verdict and revision stored, proposal gone, status checked, history and live event", async ({ actor }) => {
    const claim = await makeClaim(author, "Maar veel opties heeft hij niet.");
    await propose(colleague, claim.id, "mostly_false", "Klopt grotendeels niet.");
    const view = await publishVerdict(actor(), claim.id);
    const publisher = { id: actor().userId, name: actor().name };
    expect(view).toEqual({
      proposal: null,
      published: { rating: "mostly_false", summary: "Klopt grotendeels niet.", publishedAt: expect.any(String), updatedAt: null, publishedBy: publisher },
      revisions: [
        {
          rating: "mostly_false",
          summary: "Klopt grotendeels niet.",
          publishedAt: view.published!.publishedAt,
          publishedBy: publisher,
          proposedBy: { id: colleague.userId, name: "Colleague" },
        },
      ],
    });
    const after = await traces(claim.id);
    expect(after.status).toBe("CHECKED");
    expect(after.verdict).toMatchObject({ firstPublishedAt: new Date(view.published!.publishedAt), lastPublishedAt: new Date(view.published!.publishedAt) });
    expect(after.history.slice(1)).toEqual([
      { field: "status", from: "open", to: "checked", actorId: actor().userId },
      { field: "verdict.published", from: null, to: { rating: "mostly_false", summary: "Klopt grotendeels niet." }, actorId: actor().userId },
    ]);
    expect(after.events.map((event) => event.type)).toEqual(["verdict.proposed", "verdict.published"]);
    expect(after.events[1]).toMatchObject({ actorId: actor().userId, audience: "TEAM" });
    // Every claim view carries it now.
    expect((await getClaimForActor(viewer, claim.id)).verdict).toEqual({ rating: "mostly_false", publishedAt: view.published!.publishedAt, updatedAt: null });
    expect((await getClaimForActor(viewer, claim.id)).status).toBe("checked");
  });

  it("a correction keeps every revision and the first publication date, and says when it was updated", async () => {
    const claim = await makeClaim(author, "Rusland mag formeel");
    await propose(author, claim.id, "mostly_false", "Eerste oordeel.");
    const first = await publishVerdict(moderator, claim.id);
    await propose(colleague, claim.id, "false", "Gecorrigeerd oordeel.");
    const corrected = await publishVerdict(owner, claim.id);

    expect(corrected.published).toMatchObject({ rating: "false", summary: "Gecorrigeerd oordeel.", publishedAt: first.published!.publishedAt, publishedBy: { name: "Owner" } });
    expect(corrected.published!.updatedAt).not.toBeNull();
    expect(new Date(corrected.published!.updatedAt!).getTime()).toBeGreaterThan(new Date(first.published!.publishedAt).getTime());
    expect(corrected.revisions.map((revision) => [revision.rating, revision.summary, revision.publishedBy?.name, revision.proposedBy?.name])).toEqual([
      ["mostly_false", "Eerste oordeel.", "Moderator", "Author"],
      ["false", "Gecorrigeerd oordeel.", "Owner", "Colleague"],
    ]);
    const after = await traces(claim.id);
    // The status was checked already: no second status line.
    expect(after.history.map((line) => line.field)).toEqual(["verdict.proposed", "status", "verdict.published", "verdict.proposed", "verdict.corrected"]);
    expect(after.history.at(-1)).toEqual({
      field: "verdict.corrected",
      from: { rating: "mostly_false", summary: "Eerste oordeel." },
      to: { rating: "false", summary: "Gecorrigeerd oordeel." },
      actorId: owner.userId,
    });
    expect((await getClaimForActor(author, claim.id)).verdict).toEqual({
      rating: "false",
      publishedAt: first.published!.publishedAt,
      updatedAt: corrected.published!.updatedAt,
    });
  });

  it("a proposal waiting never changes the published verdict: only publishing does", async () => {
    const claim = await makeClaim(author, "Het Turkse optreden bedreigt");
    await propose(author, claim.id, "true", "Gepubliceerd.");
    await publishVerdict(moderator, claim.id);
    const view = await propose(author, claim.id, "false", "Nog niet gepubliceerd.");
    expect(view.published).toMatchObject({ rating: "true", summary: "Gepubliceerd.", updatedAt: null });
    expect(view.proposal).toMatchObject({ rating: "false" });
    expect((await getClaimForActor(author, claim.id)).verdict?.rating).toBe("true");
  });

  it("without a proposal it is a 409", async () => {
    const claim = await makeClaim(author, "De regio heeft een bijna heilige status");
    await expect(publishVerdict(moderator, claim.id)).rejects.toMatchObject({ code: "conflict", message: "There is no proposed verdict to publish" });
    expect(await traces(claim.id)).toMatchObject({ verdict: null, revisions: [], history: [], status: "OPEN" });
  });

  it("of two editors publishing at once, one publishes and the other gets a 409: one revision", async () => {
    const claim = await makeClaim(author, "Verdeel-en-heers");
    await propose(author, claim.id);
    const results = await Promise.allSettled([publishVerdict(moderator, claim.id), publishVerdict(owner, claim.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect((await traces(claim.id)).revisions).toHaveLength(1);
  });

  it("a hidden claim is a 409, and its proposal waits", async () => {
    const claim = await makeClaim(author, "Zolang er een");
    await propose(author, claim.id);
    await hideClaim(owner, claim.id, hideInputSchema.parse({ reason: "Nakijken" }));
    await expect(publishVerdict(moderator, claim.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await traces(claim.id)).toMatchObject({ proposal: { rating: "mostly_false" }, verdict: null, status: "OPEN" });
  });

  it("a deleted claim is a 409 for an editor of its team, a 404 for a non-member", async () => {
    const claim = await makeClaim(author, "De drones hebben de dynamiek");
    await propose(author, claim.id);
    await deleteClaim(moderator, claim.id);
    await expect(publishVerdict(moderator, claim.id)).rejects.toMatchObject({ code: "conflict", message: "This claim was deleted" });
    await expect(publishVerdict(outsider, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("getClaimVerdict", () => {
  it("every member reads the proposal and the published verdict; a non-member gets 404", async () => {
    const claim = await makeClaim(author, "Even leek Rusland");
    await propose(author, claim.id, "half_true", "Half.");
    for (const actor of [viewer, colleague, moderator, owner]) {
      expect(await getClaimVerdict(actor, claim.id)).toMatchObject({ proposal: { rating: "half_true", proposedBy: { name: "Author" } }, published: null });
    }
    await expect(getClaimVerdict(outsider, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("is withheld with a hidden claim's content (404), except from moderators and owners", async () => {
    const claim = await makeClaim(author, "Weinig opties");
    await propose(author, claim.id);
    await publishVerdict(moderator, claim.id);
    await hideClaim(moderator, claim.id, hideInputSchema.parse({ reason: "Onjuiste bron" }));
    for (const actor of [author, colleague, viewer]) {
      await expect(getClaimVerdict(actor, claim.id)).rejects.toMatchObject({ code: "not_found" });
      expect((await getClaimForActor(actor, claim.id)).verdict).toBeNull();
    }
    for (const actor of [moderator, owner]) {
      expect(await getClaimVerdict(actor, claim.id)).toMatchObject({ published: { rating: "mostly_false" } });
    }
  });
});

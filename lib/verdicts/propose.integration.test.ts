import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as verdictPublishRoute from "@/app/api/claims/[claimId]/verdict/publish/route";
import * as verdictRoute from "@/app/api/claims/[claimId]/verdict/route";
import { deleteClaim, getClaimForActor, hideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { disconnectTestDb, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { getClaimVerdict, publishVerdict } from "@/lib/verdicts/service";
import { callClaimRoute, createVerdictScene, makeClaim, propose, readVerdictTraces } from "@/lib/verdicts/testing/verdict-scene";

// Reading and proposing verdicts (publishing: publish.integration.test.ts).

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

beforeAll(async () => {
  ({ owner, moderator, author, colleague, viewer, outsider, team } = await createVerdictScene());
});

afterAll(disconnectTestDb);

describe("through the JSON API", () => {
  it("requires authentication (401) for reading, proposing and publishing", async () => {
    const claim = await makeClaim(team, author, "Weinig opties");
    expect((await callClaimRoute(verdictRoute.GET, "GET", claim.id, null)).status).toBe(401);
    expect((await callClaimRoute(verdictRoute.PUT, "PUT", claim.id, null, { rating: "true", summary: "x" })).status).toBe(401);
    expect((await callClaimRoute(verdictPublishRoute.POST, "POST", claim.id, null)).status).toBe(401);
    expect((await readVerdictTraces(claim.id)).proposal).toBeNull();
  });

  it("answers each role with its status: propose 200 for members, publish 403 for them and 200 for moderators", async () => {
    const claim = await makeClaim(team, author, "Maar veel opties heeft hij niet.");
    const body = { rating: "mostly_false", summary: "Niet waar." };
    expect((await callClaimRoute(verdictRoute.PUT, "PUT", claim.id, outsider, body)).status).toBe(404);
    expect((await callClaimRoute(verdictRoute.PUT, "PUT", claim.id, viewer, body)).status).toBe(403);
    expect((await callClaimRoute(verdictRoute.PUT, "PUT", claim.id, colleague, body)).status).toBe(200);
    expect((await callClaimRoute(verdictPublishRoute.POST, "POST", claim.id, colleague)).status).toBe(403);
    expect((await callClaimRoute(verdictPublishRoute.POST, "POST", claim.id, viewer)).status).toBe(403);
    expect((await callClaimRoute(verdictPublishRoute.POST, "POST", claim.id, outsider)).status).toBe(404);
    const published = await callClaimRoute(verdictPublishRoute.POST, "POST", claim.id, moderator);
    expect(published).toMatchObject({ status: 200, body: { proposal: null, published: { rating: "mostly_false", summary: "Niet waar." } } });
    expect((await callClaimRoute(verdictRoute.GET, "GET", claim.id, viewer)).body).toMatchObject({ published: { rating: "mostly_false" } });
  });

  it("an unknown rating is a 422 naming `rating`; a summary of 2,001 characters one naming `summary`", async () => {
    const claim = await makeClaim(team, author, "Rusland mag formeel");
    const unknown = await callClaimRoute(verdictRoute.PUT, "PUT", claim.id, author, { rating: "pants_on_fire", summary: "x" });
    expect(unknown).toMatchObject({ status: 422, body: { error: { code: "validation_failed", details: { fields: { rating: "Choose a rating from the team's scale" } } } } });
    const long = await callClaimRoute(verdictRoute.PUT, "PUT", claim.id, author, { rating: "true", summary: "a".repeat(2001) });
    expect(long).toMatchObject({ status: 422, body: { error: { details: { fields: { summary: expect.any(String) } } } } });
    expect((await readVerdictTraces(claim.id)).proposal).toBeNull();
  });
});

describe("proposeVerdict", () => {
  it("a member proposes: the proposal is stored with who and when, a history line and a live event are written", async () => {
    const claim = await makeClaim(team, author, "Poetin moet iets doen om zijn greep");
    const view = await propose(colleague, claim.id, "mostly_false", "  Het Kremlin zei iets anders.  ");
    expect(view).toEqual({
      proposal: { rating: "mostly_false", summary: "Het Kremlin zei iets anders.", proposedBy: { id: colleague.userId, name: "Colleague" }, proposedAt: expect.any(String) },
      published: null,
      revisions: [],
    });
    const after = await readVerdictTraces(claim.id);
    expect(after.history).toEqual([
      { field: "verdict.proposed", from: null, to: { rating: "mostly_false", summary: "Het Kremlin zei iets anders." }, actorId: colleague.userId },
    ]);
    expect(after.events).toEqual([{ type: "verdict.proposed", actorId: colleague.userId, audience: "TEAM", audienceUserId: null, documentId: team.documentId }]);
    expect(after.status).toBe("OPEN");
  });

  it("a new proposal replaces the one waiting, and its history line says what it replaced", async () => {
    const claim = await makeClaim(team, author, "Het Turkse optreden bedreigt");
    await propose(author, claim.id, "true", "Eerste voorstel.");
    const view = await propose(moderator, claim.id, "half_true", "Tweede voorstel.");
    expect(view.proposal).toMatchObject({ rating: "half_true", summary: "Tweede voorstel.", proposedBy: { name: "Moderator" } });
    const { history, events } = await readVerdictTraces(claim.id);
    expect(history.map(({ field, from, to }) => ({ field, from, to }))).toEqual([
      { field: "verdict.proposed", from: null, to: { rating: "true", summary: "Eerste voorstel." } },
      { field: "verdict.proposed", from: { rating: "true", summary: "Eerste voorstel." }, to: { rating: "half_true", summary: "Tweede voorstel." } },
    ]);
    expect(events).toHaveLength(2);
  });

  it("a viewer gets 403 and nothing is written", async () => {
    const claim = await makeClaim(team, author, "De regio heeft een bijna heilige status");
    await expect(propose(viewer, claim.id)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await readVerdictTraces(claim.id)).toMatchObject({ proposal: null, history: [], events: [] });
  });

  it.each([
    { what: "a non-member", actor: () => outsider, id: async () => (await makeClaim(team, author, "Verdeel-en-heers")).id },
    { what: "the owner, for a member's private claim", actor: () => owner, id: async () => (await makeClaim(team, author, "Verdeel-en-heers", { visibility: "private" })).id },
    { what: "a member, for a random id", actor: () => author, id: async () => randomUUID() },
    { what: "a member, for a malformed id", actor: () => author, id: async () => "nope" },
  ])("$what gets not_found", async ({ actor, id }) => {
    await expect(propose(actor(), await id())).rejects.toMatchObject({ name: "AppError", code: "not_found" });
  });

  it("an unknown rating is a 422 naming `rating`, and nothing is written", async () => {
    const claim = await makeClaim(team, author, "De drones hebben de dynamiek");
    await expect(propose(author, claim.id, "pants_on_fire")).rejects.toMatchObject({
      code: "validation_failed",
      details: { fields: { rating: "Choose a rating from the team's scale" } },
    });
    expect(await readVerdictTraces(claim.id)).toMatchObject({ proposal: null, history: [] });
  });

  it("a hidden claim is a 409, for its author and for a moderator alike", async () => {
    const claim = await makeClaim(team, author, "Zolang er een");
    await hideClaim(moderator, claim.id, hideInputSchema.parse({ reason: "Dubbel" }));
    await expect(propose(author, claim.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("hid this claim") });
    await expect(propose(moderator, claim.id)).rejects.toMatchObject({ code: "conflict" });
    expect((await readVerdictTraces(claim.id)).proposal).toBeNull();
  });

  it("a deleted claim is a 409 for members of its team, a 404 for anyone else", async () => {
    const claim = await makeClaim(team, author, "Even leek Rusland");
    await deleteClaim(author, claim.id);
    await expect(propose(colleague, claim.id)).rejects.toMatchObject({ code: "conflict", message: "This claim was deleted" });
    // A viewer too: the claim is gone, whatever their role could have done to it.
    await expect(propose(viewer, claim.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(propose(outsider, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("someone else's deleted private claim stays a 404: it was never theirs to know about", async () => {
    const claim = await makeClaim(team, author, "Even leek Rusland", { visibility: "private" });
    await deleteClaim(author, claim.id);
    await expect(propose(colleague, claim.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(propose(author, claim.id)).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("getClaimVerdict", () => {
  it("every member reads the proposal and the published verdict; a non-member gets 404", async () => {
    const claim = await makeClaim(team, author, "Even leek Rusland");
    await propose(author, claim.id, "half_true", "Half.");
    for (const actor of [viewer, colleague, moderator, owner]) {
      expect(await getClaimVerdict(actor, claim.id)).toMatchObject({ proposal: { rating: "half_true", proposedBy: { name: "Author" } }, published: null });
    }
    await expect(getClaimVerdict(outsider, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("is withheld with a hidden claim's content (404), except from moderators and owners", async () => {
    const claim = await makeClaim(team, author, "Weinig opties");
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

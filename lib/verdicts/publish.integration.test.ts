import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { deleteClaim, getClaimForActor, hideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { disconnectTestDb, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { publishVerdict } from "@/lib/verdicts/service";
import { createVerdictScene, makeClaim, propose, readVerdictTraces } from "@/lib/verdicts/testing/verdict-scene";

// Publishing verdicts: who may, what it writes, corrections (reading and proposing: propose.integration.test.ts).

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

describe("publishVerdict", () => {
  it.each([
    { role: "member", actor: () => colleague },
    { role: "viewer", actor: () => viewer },
  ])("a $role gets 403, and the proposal stays unpublished", async ({ actor }) => {
    const claim = await makeClaim(team, author, "Weinig opties");
    await propose(author, claim.id);
    await expect(publishVerdict(actor(), claim.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await readVerdictTraces(claim.id)).toMatchObject({ proposal: { rating: "mostly_false" }, verdict: null, revisions: [], status: "OPEN" });
  });

  it("a non-member gets 404", async () => {
    const claim = await makeClaim(team, author, "Weinig opties");
    await propose(author, claim.id);
    await expect(publishVerdict(outsider, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it.each([
    { role: "moderator", actor: () => moderator },
    { role: "owner", actor: () => owner },
  ])("a $role publishes: verdict and revision stored, proposal gone, status checked, history and live event", async ({ actor }) => {
    const claim = await makeClaim(team, author, "Maar veel opties heeft hij niet.");
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
    const after = await readVerdictTraces(claim.id);
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
    const claim = await makeClaim(team, author, "Rusland mag formeel");
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
    const after = await readVerdictTraces(claim.id);
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
    const claim = await makeClaim(team, author, "Het Turkse optreden bedreigt");
    await propose(author, claim.id, "true", "Gepubliceerd.");
    await publishVerdict(moderator, claim.id);
    const view = await propose(author, claim.id, "false", "Nog niet gepubliceerd.");
    expect(view.published).toMatchObject({ rating: "true", summary: "Gepubliceerd.", updatedAt: null });
    expect(view.proposal).toMatchObject({ rating: "false" });
    expect((await getClaimForActor(author, claim.id)).verdict?.rating).toBe("true");
  });

  it("without a proposal it is a 409", async () => {
    const claim = await makeClaim(team, author, "De regio heeft een bijna heilige status");
    await expect(publishVerdict(moderator, claim.id)).rejects.toMatchObject({ code: "conflict", message: "There is no proposed verdict to publish" });
    expect(await readVerdictTraces(claim.id)).toMatchObject({ verdict: null, revisions: [], history: [], status: "OPEN" });
  });

  it("of two editors publishing at once, one publishes and the other gets a 409: one revision", async () => {
    const claim = await makeClaim(team, author, "Verdeel-en-heers");
    await propose(author, claim.id);
    const results = await Promise.allSettled([publishVerdict(moderator, claim.id), publishVerdict(owner, claim.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect((await readVerdictTraces(claim.id)).revisions).toHaveLength(1);
  });

  it("a hidden claim is a 409, and its proposal waits", async () => {
    const claim = await makeClaim(team, author, "Zolang er een");
    await propose(author, claim.id);
    await hideClaim(owner, claim.id, hideInputSchema.parse({ reason: "Nakijken" }));
    await expect(publishVerdict(moderator, claim.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await readVerdictTraces(claim.id)).toMatchObject({ proposal: { rating: "mostly_false" }, verdict: null, status: "OPEN" });
  });

  it("a deleted claim is a 409 for an editor of its team, a 404 for a non-member", async () => {
    const claim = await makeClaim(team, author, "De drones hebben de dynamiek");
    await propose(author, claim.id);
    await deleteClaim(moderator, claim.id);
    await expect(publishVerdict(moderator, claim.id)).rejects.toMatchObject({ code: "conflict", message: "This claim was deleted" });
    await expect(publishVerdict(outsider, claim.id)).rejects.toMatchObject({ code: "not_found" });
  });
});

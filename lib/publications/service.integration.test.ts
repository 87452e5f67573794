/**
 * Publishing a document (lib/publications/service.ts), role by role: who may publish, refresh and unpublish, what
 * it needs, the slug (from the title, unique, stable), and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDocumentForActor } from "@/lib/documents/service";
import { getPublicationForActor, publishDocument, unpublishDocument } from "@/lib/publications/service";
import { claimInputFor } from "@/lib/testing/claim-input";
import { createClaim } from "@/lib/claims/service";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateDocument,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";
import { unsafeCreatePublishedVerdict } from "@/lib/testing/verdict-factories";

const origin = "https://margin.example";
let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

/** A new document of the team with one published verdict on a team claim, titled `title`. */
async function publishableDocument(title: string): Promise<string> {
  const documentId = await unsafeCreateDocument(team.teamId, title);
  const claim = await createClaim(member, documentId, claimInputFor(team.documentText, "Zaterdagnacht, amper twaalf uur na de aankondiging"));
  await unsafeCreatePublishedVerdict(claim.id);
  return documentId;
}

async function auditEvents(documentId: string) {
  return getTestDb().auditEvent.findMany({
    where: { targetId: documentId },
    orderBy: { createdAt: "asc" },
    select: { action: true, actorId: true, teamId: true, targetType: true, details: true },
  });
}

const unique = () => Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  [owner, moderator, member, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Member", "Viewer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
});

afterAll(disconnectTestDb);

describe("who may publish", () => {
  it("a non-member gets the same 404 as a missing document, for every function, and nothing is written", async () => {
    const documentId = await publishableDocument(`Buiten bereik ${unique()}`);
    await expect(getPublicationForActor(outsider, documentId, { origin })).rejects.toMatchObject({ code: "not_found" });
    await expect(publishDocument(outsider, documentId, { origin })).rejects.toMatchObject({ code: "not_found" });
    await expect(unpublishDocument(outsider, documentId)).rejects.toMatchObject({ code: "not_found" });
    await expect(publishDocument(owner, "not-an-id", { origin })).rejects.toMatchObject({ code: "not_found" });
    await expect(publishDocument(owner, "6f1c4a2e-0000-4000-8000-000000000000", { origin })).rejects.toMatchObject({ code: "not_found" });
    expect(await getTestDb().publication.count({ where: { documentId } })).toBe(0);
  });

  it.each([
    ["member", () => member],
    ["viewer", () => viewer],
  ])("a %s gets 403 (but may read the state)", async (_role, actor) => {
    const documentId = await publishableDocument(`Geen recht ${unique()}`);
    await expect(publishDocument(actor(), documentId, { origin })).rejects.toMatchObject({ code: "forbidden", message: "Only moderators and owners can publish or unpublish a document." });
    expect(await getPublicationForActor(actor(), documentId, { origin })).toEqual({ published: false });
    await publishDocument(owner, documentId, { origin });
    await expect(unpublishDocument(actor(), documentId)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getPublicationForActor(actor(), documentId, { origin })).published).toBe(true);
  });

  it.each([
    ["moderator", () => moderator],
    ["owner", () => owner],
  ])("a %s publishes and unpublishes; DocumentDetail says so, with canPublish", async (_role, actor) => {
    const title = `Gepubliceerd door redactie ${unique()}`;
    const documentId = await publishableDocument(title);
    expect(await getDocumentForActor(actor(), documentId)).toMatchObject({ publication: null, abilities: { canPublish: true } });

    const { publication, created } = await publishDocument(actor(), documentId, { origin });
    expect(created).toBe(true);
    expect(publication).toEqual({
      published: true,
      slug: expect.stringMatching(/^gepubliceerd-door-redactie-[a-z0-9]+$/u),
      url: `${origin}/p/${publication.slug}`,
      publishedAt: expect.any(String),
      updatedAt: publication.publishedAt,
    });
    expect(await getPublicationForActor(viewer, documentId, { origin })).toEqual(publication);
    expect((await getDocumentForActor(actor(), documentId)).publication).toEqual({ slug: publication.slug, url: `/p/${publication.slug}` });

    await unpublishDocument(actor(), documentId);
    expect(await getPublicationForActor(actor(), documentId, { origin })).toEqual({ published: false });
    expect((await getDocumentForActor(actor(), documentId)).publication).toBeNull();
  });

  it("members and viewers see the publication but not canPublish", async () => {
    expect((await getDocumentForActor(member, team.documentId)).abilities.canPublish).toBe(false);
    expect((await getDocumentForActor(viewer, team.documentId)).abilities.canPublish).toBe(false);
  });
});

describe("what publishing needs", () => {
  it("a document without a published verdict on a team-visible, shown claim is a 409, and nothing is written", async () => {
    const documentId = await unsafeCreateDocument(team.teamId, `Nog niets ${unique()}`);
    await expect(publishDocument(moderator, documentId, { origin })).rejects.toMatchObject({ code: "conflict" });
    // Private claims, proposals and hidden claims do not count.
    const privateClaim = await createClaim(member, documentId, claimInputFor(team.documentText, "Maar zaterdagnacht", { visibility: "private" }));
    await unsafeCreatePublishedVerdict(privateClaim.id);
    const hidden = await createClaim(member, documentId, claimInputFor(team.documentText, "Het bestand werd zaterdagochtend"));
    await unsafeCreatePublishedVerdict(hidden.id);
    await getTestDb().claim.update({ where: { id: hidden.id }, data: { hiddenAt: new Date(), hiddenById: moderator.userId, hiddenReason: "weg" } });
    const proposed = await createClaim(member, documentId, claimInputFor(team.documentText, "De gevechtspauze moest ruimte maken"));
    await getTestDb().verdictProposal.create({ data: { claimId: proposed.id, rating: "false", summary: "Concept" } });
    await expect(publishDocument(moderator, documentId, { origin })).rejects.toMatchObject({
      code: "conflict",
      message: "There is nothing to publish yet: publish a verdict on a claim the whole team can see first.",
    });
    expect(await getTestDb().publication.count({ where: { documentId } })).toBe(0);
    expect(await auditEvents(documentId)).toEqual([]);
  });

  it("unpublishing what is not published is a 409", async () => {
    const documentId = await publishableDocument(`Niet gepubliceerd ${unique()}`);
    await expect(unpublishDocument(moderator, documentId)).rejects.toMatchObject({ code: "conflict", message: "This document is not published." });
  });
});

describe("the slug", () => {
  it("comes from the title and stays the same when the page is refreshed (200, not created)", async () => {
    const word = unique();
    const documentId = await publishableDocument(`Erdoğan’s drones: één analyse ${word}`);
    const first = await publishDocument(moderator, documentId, { origin });
    expect(first.publication.slug).toBe(`erdogan-s-drones-een-analyse-${word}`);
    const second = await publishDocument(owner, documentId, { origin });
    expect(second.created).toBe(false);
    expect(second.publication.slug).toBe(first.publication.slug);
    expect(second.publication.publishedAt).toBe(first.publication.publishedAt);
    expect(new Date(second.publication.updatedAt).getTime()).toBeGreaterThan(new Date(first.publication.updatedAt).getTime());
  });

  it("is unique: documents with the same title get -2, -3; an unpublished slug is free again", async () => {
    const title = `Dezelfde kop ${unique()}`;
    const [a, b, c] = [await publishableDocument(title), await publishableDocument(title), await publishableDocument(title)];
    const slugA = (await publishDocument(moderator, a, { origin })).publication.slug;
    const slugB = (await publishDocument(moderator, b, { origin })).publication.slug;
    expect(slugB).toBe(`${slugA}-2`);
    await unpublishDocument(moderator, a);
    // The base slug is free again: the third document takes it.
    expect((await publishDocument(moderator, c, { origin })).publication.slug).toBe(slugA);
    expect((await publishDocument(moderator, a, { origin })).publication.slug).toBe(`${slugA}-3`);
  });

  it("stays unique when documents with the same title are published at the same moment", async () => {
    const title = `Tegelijk gepubliceerd ${unique()}`;
    const documents = await Promise.all(Array.from({ length: 4 }, () => publishableDocument(title)));
    const results = await Promise.all(documents.map((documentId) => publishDocument(moderator, documentId, { origin })));
    const slugs = results.map((result) => result.publication.slug);
    expect(new Set(slugs).size).toBe(4);
    const base = slugs.find((slug) => !/-\d+$/u.test(slug))!;
    expect(slugs.sort()).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`].sort());
  });

  it("one document published twice at the same moment gets one publication", async () => {
    const documentId = await publishableDocument(`Dubbel ${unique()}`);
    const results = await Promise.all([publishDocument(moderator, documentId, { origin }), publishDocument(owner, documentId, { origin })]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    expect(results[0].publication.slug).toBe(results[1].publication.slug);
    expect(await getTestDb().publication.count({ where: { documentId } })).toBe(1);
  });
});

describe("the audit log", () => {
  it("records publishing, refreshing and unpublishing, with the title and slug as they were", async () => {
    const title = `Gelogd ${unique()}`;
    const documentId = await publishableDocument(title);
    const { publication } = await publishDocument(moderator, documentId, { origin });
    await publishDocument(owner, documentId, { origin });
    await unpublishDocument(owner, documentId);
    const base = { teamId: team.teamId, targetType: "document" };
    expect(await auditEvents(documentId)).toEqual([
      { ...base, action: "document.published", actorId: moderator.userId, details: { name: title, slug: publication.slug, refreshed: false } },
      { ...base, action: "document.published", actorId: owner.userId, details: { name: title, slug: publication.slug, refreshed: true } },
      { ...base, action: "document.unpublished", actorId: owner.userId, details: { name: title, slug: publication.slug } },
    ]);
  });
});

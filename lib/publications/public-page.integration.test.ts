/**
 * What a public page shows (lib/publications/public-page.ts), and what never leaves the team: only published
 * verdicts of team-visible claims that are not hidden, with their evidence; no comments, proposals, private or
 * hidden claims, member names or evidence authors.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getDb } from "@/lib/db";
import { getPublicPage } from "@/lib/publications/public-page";
import { publishedClaimSql, publishedClaimWhere } from "@/lib/publications/published-claims";
import { publishDocument, unpublishDocument } from "@/lib/publications/service";
import { disconnectTestDb, getTestDb } from "@/lib/testing/factories";
import { createVersion } from "@/lib/versions/service";
import { sceneQuotes, unsafeCreatePublishingScene, type PublishingScene } from "@/lib/testing/publishing-scene";

const origin = "https://margin.example";
let scene: PublishingScene;
let slug: string;

beforeAll(async () => {
  scene = await unsafeCreatePublishingScene();
  slug = (await publishDocument(scene.moderator, scene.team.documentId, { origin })).publication.slug;
});

afterAll(disconnectTestDb);

describe("getPublicPage", () => {
  it("answers null for a slug that is not published, or is not a slug at all", async () => {
    expect(await getPublicPage("nooit-gepubliceerd-xyz", { origin })).toBeNull();
    expect(await getPublicPage("../etc/passwd", { origin })).toBeNull();
    expect(await getPublicPage("Hoofdletters", { origin })).toBeNull();
    expect(await getPublicPage("a".repeat(200), { origin })).toBeNull();
  });

  it("shows the published verdicts of team-visible claims that are not hidden, numbered in reading order", async () => {
    const page = (await getPublicPage(slug, { origin }))!;
    expect(page.document.id).toBe(scene.team.documentId);
    expect(page.teamName).toMatch(/^Test team /u);
    expect(page.claims.map((claim) => [claim.number, claim.quoteExact, claim.verdict.rating])).toEqual([
      [1, sceneQuotes.published, "mostly_false"],
      [2, sceneQuotes.unverifiable, "unverifiable"],
      [3, sceneQuotes.corrected, "true"],
    ]);
    for (const claim of page.claims) {
      expect(claim.range).not.toBeNull();
      expect(page.document.text.slice(claim.range!.start, claim.range!.end)).toBe(claim.quoteExact);
    }
    const corrected = page.claims.find((claim) => claim.id === scene.claimIds.corrected)!;
    expect(corrected.verdict).toEqual({
      rating: "true",
      summary: "Turkije leverde drones en ander materieel.",
      firstPublishedAt: scene.firstPublishedAt,
      lastPublishedAt: scene.correctedAt,
    });
  });

  it("gives each claim its evidence, oldest first, without authors", async () => {
    const page = (await getPublicPage(slug, { origin }))!;
    const published = page.claims.find((claim) => claim.id === scene.claimIds.published)!;
    expect(published.evidence).toEqual([
      {
        id: expect.any(String),
        title: "Verslag van de OVSE",
        url: "https://www.osce.org/minsk-group",
        quote: "De Minsk-groep blijft bemiddelen.",
        note: "Rusland zit de groep mede voor.",
        stance: "REFUTES",
      },
      { id: expect.any(String), title: "Interview met een analist", url: null, quote: null, note: null, stance: "CONTEXT" },
    ]);
  });

  it("holds nothing private: no comment, proposal, private or hidden claim, hide reason, member name or email", async () => {
    const serialized = JSON.stringify(await getPublicPage(slug, { origin }));
    for (const secret of scene.secrets) expect(serialized, secret).not.toContain(secret);
    for (const user of [scene.owner, scene.moderator, scene.member, scene.viewer]) expect(serialized).not.toContain(user.userId);
    // The private, hidden, proposed and open claims' words are in the article, but never as a claim or a review.
    const page = (await getPublicPage(slug, { origin }))!;
    const claimed = JSON.stringify([page.claims, page.claimReviews]);
    for (const name of ["private", "hidden", "proposed", "open"] as const) {
      expect(claimed).not.toContain(sceneQuotes[name]);
      expect(claimed).not.toContain(scene.claimIds[name]);
    }
  });

  it("carries the ClaimReview of each verdict, with URLs on the public page", async () => {
    const page = (await getPublicPage(slug, { origin }))!;
    expect(page.claimReviews.map((review) => review.url)).toEqual(page.claims.map((claim) => `${origin}/p/${slug}#claim-${claim.id}`));
    expect(page.claimReviews.map((review) => review.claimReviewed)).toEqual(page.claims.map((claim) => claim.quoteExact));
  });

  it("is gone once unpublished, and back under the same slug when published again", async () => {
    await unpublishDocument(scene.owner, scene.team.documentId);
    expect(await getPublicPage(slug, { origin })).toBeNull();
    const again = await publishDocument(scene.owner, scene.team.documentId, { origin });
    expect(again.publication.slug).toBe(slug);
    expect(await getPublicPage(slug, { origin })).not.toBeNull();
  });

  it("drops a claim that is hidden or made private after publication", async () => {
    const db = getTestDb();
    await db.claim.update({ where: { id: scene.claimIds.unverifiable }, data: { visibility: "PRIVATE" } });
    await db.claim.update({ where: { id: scene.claimIds.corrected }, data: { hiddenAt: new Date(), hiddenById: scene.moderator.userId, hiddenReason: "later verborgen" } });
    try {
      const page = (await getPublicPage(slug, { origin }))!;
      expect(page.claims.map((claim) => claim.id)).toEqual([scene.claimIds.published]);
      expect(page.claimReviews).toHaveLength(1);
    } finally {
      await db.claim.update({ where: { id: scene.claimIds.unverifiable }, data: { visibility: "TEAM" } });
      await db.claim.update({ where: { id: scene.claimIds.corrected }, data: { hiddenAt: null, hiddenById: null, hiddenReason: null } });
    }
  });
});

describe("after a new version of the article", () => {
  it("lists a published claim whose text is gone last, without drawing it on other words", async () => {
    const db = getTestDb();
    const document = await db.document.findUniqueOrThrow({ where: { id: scene.team.documentId }, select: { text: true } });
    const next = document.text.replace(sceneQuotes.unverifiable, "Over de status van de regio zwijgt dit stuk.");
    await createVersion(scene.moderator, scene.team.documentId, { format: "text", content: `date 2020-10 ${next}` });
    const page = (await getPublicPage(slug, { origin }))!;
    const orphan = page.claims.find((claim) => claim.id === scene.claimIds.unverifiable)!;
    expect(orphan.range).toBeNull();
    expect(orphan.number).toBe(page.claims.length);
    for (const claim of page.claims.filter((item) => item.range)) {
      expect(page.document.text.slice(claim.range!.start, claim.range!.end)).toBe(claim.quoteExact);
    }
  });
});

describe("publishedClaimWhere and publishedClaimSql", () => {
  it("let out the same claims", async () => {
    const viaPrisma = await getDb().claim.findMany({ where: publishedClaimWhere(scene.team.documentId), select: { id: true }, orderBy: { id: "asc" } });
    const viaSql = await getDb().$queryRawUnsafe<{ id: string }[]>(
      `SELECT c.id::text AS id FROM claims c LEFT JOIN verdicts v ON v.claim_id = c.id
        WHERE c.document_id = $1::uuid AND ${publishedClaimSql("c", "v")} ORDER BY c.id`,
      scene.team.documentId,
    );
    expect(viaSql.map((row) => row.id)).toEqual(viaPrisma.map((row) => row.id));
    expect(viaPrisma.map((row) => row.id).sort()).toEqual([scene.claimIds.published, scene.claimIds.corrected, scene.claimIds.unverifiable].sort());
  });
});

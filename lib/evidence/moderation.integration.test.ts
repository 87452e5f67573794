/**
 * Evidence on a claim a moderator hid, against real PostgreSQL: withheld from members and viewers (404) like the
 * claim's thread, read by moderators and owners, frozen (nobody adds or edits: 409) until the claim is restored;
 * and a hide that lands while a change waits for the claim's lock refuses that change.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createClaim, hideClaim, unhideClaim } from "@/lib/claims/service";
import { createEvidence, deleteEvidence, listEvidenceForClaim, updateEvidence } from "@/lib/evidence/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { claimInputFor } from "@/lib/testing/claim-input";
import { evidenceEditFor, evidenceInputFor, unsafeReadClaimHistory } from "@/lib/testing/evidence";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let team: TestTeam;

async function makeClaim(actor: TestUser, needle: string, visibility: "team" | "private" = "team"): Promise<string> {
  return (await createClaim(actor, team.documentId, claimInputFor(team.documentText, needle, { visibility }))).id;
}

async function evidenceRow(id: string) {
  return getTestDb().evidence.findUnique({ where: { id } });
}

/** Writes evidence straight into the database (as if added before the claim was hidden). */
async function createEvidenceDirectly(claim: string, by: TestUser, title: string): Promise<string> {
  const row = await getTestDb().evidence.create({ data: { claimId: claim, authorId: by.userId, title, stance: "CONTEXT" } });
  return row.id;
}

beforeAll(async () => {
  [owner, moderator, author, colleague, viewer] = await unsafeCreateUsers("Owner", "Moderator", "Author", "Colleague", "Viewer");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
});

afterAll(disconnectTestDb);

describe("on a hidden claim", () => {
  it("its evidence is withheld from members and viewers (404), read by moderators and owners, and frozen", async () => {
    const claim = await makeClaim(author, "Rusland er in geslaagd");
    const evidence = await createEvidence(author, claim, evidenceInputFor({ title: "Voor het verbergen" }));
    await hideClaim(moderator, claim, hideInputSchema.parse({ reason: "Off-topic" }));

    for (const actor of [author, colleague, viewer]) {
      await expect(listEvidenceForClaim(actor, claim)).rejects.toMatchObject({ code: "not_found" });
      await expect(updateEvidence(actor, evidence.id, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteEvidence(actor, evidence.id)).rejects.toMatchObject({ code: "not_found" });
    }
    for (const actor of [moderator, owner]) {
      const items = await listEvidenceForClaim(actor, claim);
      expect(items.map((item) => [item.title, item.abilities])).toEqual([["Voor het verbergen", { canEdit: false, canDelete: true }]]);
      await expect(updateEvidence(actor, evidence.id, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "conflict" });
    }
    // Nobody adds evidence to it: members and viewers too learn only what the claim's placeholder says already.
    for (const actor of [owner, moderator, author, colleague, viewer]) {
      await expect(createEvidence(actor, claim, evidenceInputFor())).rejects.toMatchObject({ code: "conflict" });
    }
    expect(await getTestDb().evidence.count({ where: { claimId: claim } })).toBe(1);
    expect(await evidenceRow(evidence.id)).toMatchObject({ title: "Voor het verbergen" });

    // A moderator may still delete it; once the claim is restored, its author edits again.
    const another = await createEvidenceDirectly(claim, author, "Ook verborgen");
    await deleteEvidence(moderator, another);
    expect(await evidenceRow(another)).toBeNull();
    await unhideClaim(moderator, claim);
    await expect(updateEvidence(author, evidence.id, evidenceEditFor({ title: "Na het herstel" }))).resolves.toMatchObject({ title: "Na het herstel" });
    await expect(createEvidence(colleague, claim, evidenceInputFor())).resolves.toMatchObject({ claimId: claim });
  });

  it("a claim hidden while the change waits for the claim's lock refuses the change (409), and writes nothing", async () => {
    const claim = await makeClaim(author, "amper twaalf uur na de aankondiging");
    const before = await unsafeReadClaimHistory(claim);
    const db = getTestDb();
    // A moderator's hide, caught mid-transaction: the row is updated but not committed, so the service's access
    // check still reads the claim as visible, and its lock must wait for the hide to end.
    let hideUpdated!: () => void;
    let releaseHide!: () => void;
    const updated = new Promise<void>((resolve) => (hideUpdated = resolve));
    const released = new Promise<void>((resolve) => (releaseHide = resolve));
    const hiding = db.$transaction(
      async (tx) => {
        await tx.claim.update({ where: { id: claim }, data: { hiddenAt: new Date(), hiddenById: moderator.userId, hiddenReason: "Race" } });
        hideUpdated();
        await released;
      },
      { timeout: 15_000 },
    );
    await updated;
    const adding = createEvidence(owner, claim, evidenceInputFor());
    adding.catch(() => {});
    await vi.waitFor(
      async () => {
        const waiting = await db.$queryRaw<Array<{ count: bigint }>>`
          SELECT count(*) AS count FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'`;
        expect(Number(waiting[0]?.count)).toBeGreaterThan(0);
      },
      { timeout: 5_000, interval: 20 },
    );
    releaseHide();
    await hiding;
    await expect(adding).rejects.toMatchObject({ code: "conflict" });
    expect(await getTestDb().evidence.count({ where: { claimId: claim } })).toBe(0);
    expect(await unsafeReadClaimHistory(claim)).toEqual(before);
  });
});

/**
 * Evidence (lib/evidence/service.ts) against real PostgreSQL, role by role: who reads, adds, edits and deletes
 * it; a hidden claim's evidence withheld and frozen; and each change's history line and live event, written in
 * the change's own transaction.
 */
import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { createClaim, hideClaim, unhideClaim } from "@/lib/claims/service";
import { createEvidenceInputSchema, updateEvidenceInputSchema, type EvidenceView } from "@/lib/evidence/schema";
import { createEvidence, deleteEvidence, listEvidenceForClaim, updateEvidence } from "@/lib/evidence/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { claimInputFor } from "@/lib/testing/claim-input";
import { disconnectTestDb, getTestDb, unsafeAddTeamMember, unsafeCreateTeamWithArticle, unsafeCreateUser, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { unsafeReadTeamEvents, unsafeReadTeamHead } from "@/lib/testing/live";

// A pass-through the test can make fail after the event was written, to prove the row, the history line and
// the event commit or roll back together.
const failures = vi.hoisted(() => ({ liveEvent: false }));
vi.mock("@/lib/realtime/event-log", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/realtime/event-log")>();
  return {
    ...original,
    unsafeAppendLiveEvent: async (...args: Parameters<typeof original.unsafeAppendLiveEvent>) => {
      const seq = await original.unsafeAppendLiveEvent(...args);
      if (failures.liveEvent) throw new Error("simulated failure after the live event was written");
      return seq;
    },
  };
});

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;
let claimId: string;
let privateClaimId: string;

/** Parses like the route does. */
const evidenceInput = (input: Record<string, unknown> = {}) =>
  createEvidenceInputSchema.parse({ title: "Persbericht van het ministerie", stance: "supports", ...input });
const editInput = (input: Record<string, unknown>) => updateEvidenceInputSchema.parse(input);

async function makeClaim(actor: TestUser, needle: string, visibility: "team" | "private" = "team"): Promise<string> {
  return (await createClaim(actor, team.documentId, claimInputFor(team.documentText, needle, { visibility }))).id;
}

async function historyOf(id: string) {
  return getTestDb().claimHistoryEntry.findMany({ where: { claimId: id }, orderBy: { createdAt: "asc" }, select: { field: true, actorId: true, from: true, to: true } });
}

async function evidenceRow(id: string) {
  return getTestDb().evidence.findUnique({ where: { id } });
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
  // The outsider owns a team of their own: roles elsewhere grant nothing here.
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  claimId = await makeClaim(author, "Weinig opties");
  privateClaimId = await makeClaim(author, "De regio heeft een bijna heilige status", "private");
});

afterEach(() => {
  failures.liveEvent = false;
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it("a non-member gets not_found from every function, for real ids, and nothing changes", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInput({ title: "Eerste bron" }));
    const before = await getTestDb().evidence.count({ where: { claimId } });
    await expect(listEvidenceForClaim(outsider, claimId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(createEvidence(outsider, claimId, evidenceInput())).rejects.toMatchObject({ code: "not_found" });
    await expect(updateEvidence(outsider, evidence.id, editInput({ title: "Gekaapt" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEvidence(outsider, evidence.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await getTestDb().evidence.count({ where: { claimId } })).toBe(before);
    expect(await evidenceRow(evidence.id)).toMatchObject({ title: "Eerste bron" });
  });

  it.each([
    { what: 'a malformed id "nope"', id: "nope" },
    { what: "an empty id", id: "" },
    { what: "SQL in the id", id: "'; DELETE FROM evidence; --" },
    { what: "a random UUID", id: randomUUID() },
  ])("$what is not_found for members and non-members alike", async ({ id }) => {
    for (const actor of [outsider, author, owner]) {
      await expect(listEvidenceForClaim(actor, id)).rejects.toMatchObject({ code: "not_found" });
      await expect(createEvidence(actor, id, evidenceInput())).rejects.toMatchObject({ code: "not_found" });
      await expect(updateEvidence(actor, id, editInput({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteEvidence(actor, id)).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("a claim id used as an evidence id (and the reverse) is not_found", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInput());
    await expect(updateEvidence(author, claimId, editInput({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEvidence(author, claimId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listEvidenceForClaim(author, evidence.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a private claim's evidence is its author's alone: everyone else, owners too, gets not_found", async () => {
    const evidence = await createEvidence(author, privateClaimId, evidenceInput({ title: "Notitie voor mezelf" }));
    expect((await listEvidenceForClaim(author, privateClaimId)).map((item) => item.id)).toEqual([evidence.id]);
    for (const actor of [owner, moderator, colleague, viewer]) {
      await expect(listEvidenceForClaim(actor, privateClaimId)).rejects.toMatchObject({ code: "not_found" });
      await expect(createEvidence(actor, privateClaimId, evidenceInput())).rejects.toMatchObject({ code: "not_found" });
      await expect(updateEvidence(actor, evidence.id, editInput({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteEvidence(actor, evidence.id)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await evidenceRow(evidence.id)).toMatchObject({ title: "Notitie voor mezelf" });
  });
});

describe("adding and reading", () => {
  it("a viewer may read but not add (403), and nothing is written", async () => {
    const before = await getTestDb().evidence.count({ where: { claimId } });
    await expect(createEvidence(viewer, claimId, evidenceInput())).rejects.toMatchObject({ code: "forbidden", message: "Your role in this team cannot add evidence" });
    expect(await getTestDb().evidence.count({ where: { claimId } })).toBe(before);
    await expect(listEvidenceForClaim(viewer, claimId)).resolves.toBeInstanceOf(Array);
  });

  it.each([
    { role: "MEMBER (not the claim's author)", actor: () => colleague },
    { role: "MEMBER (the claim's author)", actor: () => author },
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role adds evidence, and gets it back as the API shows it", async ({ actor }) => {
    const input = evidenceInput({ url: "https://www.nu.nl/buitenland/artikel.html", title: "NU.nl", quote: "Citaat", note: "Notitie", stance: "refutes" });
    const evidence = await createEvidence(actor(), claimId, input);
    expect(evidence).toEqual({
      id: expect.any(String),
      claimId,
      url: "https://www.nu.nl/buitenland/artikel.html",
      title: "NU.nl",
      quote: "Citaat",
      note: "Notitie",
      stance: "refutes",
      author: { id: actor().userId, name: actor().name },
      createdAt: expect.any(String),
      updatedAt: evidence.createdAt,
      abilities: { canEdit: true, canDelete: true },
    });
    expect(await evidenceRow(evidence.id)).toMatchObject({ stance: "REFUTES", authorId: actor().userId, url: input.url });
  });

  it("keeps a link as the URL parser writes it, and no link, quote or note as null", async () => {
    const linked = await createEvidence(author, claimId, evidenceInput({ url: "HTTPS://Example.COM/a b" }));
    expect(linked.url).toBe("https://example.com/a%20b");
    const bare = await createEvidence(author, claimId, evidenceInput({ url: "", quote: "  ", note: undefined }));
    expect(bare).toMatchObject({ url: null, quote: null, note: null });
  });

  it("lists oldest first, for every role that may read the claim, with each reader's own abilities", async () => {
    const claim = await makeClaim(author, "Het Turkse optreden bedreigt");
    const first = await createEvidence(author, claim, evidenceInput({ title: "Eerste" }));
    const second = await createEvidence(colleague, claim, evidenceInput({ title: "Tweede", stance: "context" }));
    const third = await createEvidence(moderator, claim, evidenceInput({ title: "Derde" }));
    const abilitiesOf = (items: EvidenceView[]) => items.map((item) => item.abilities);
    const yes = { canEdit: true, canDelete: true };
    const no = { canEdit: false, canDelete: false };
    const expected = [
      { actor: author, abilities: [yes, no, no] },
      { actor: colleague, abilities: [no, yes, no] },
      { actor: viewer, abilities: [no, no, no] },
      { actor: moderator, abilities: [yes, yes, yes] },
      { actor: owner, abilities: [yes, yes, yes] },
    ];
    for (const { actor, abilities } of expected) {
      const items = await listEvidenceForClaim(actor, claim);
      expect(items.map((item) => item.id)).toEqual([first.id, second.id, third.id]);
      expect(abilitiesOf(items)).toEqual(abilities);
    }
    expect((await listEvidenceForClaim(viewer, claim)).map((item) => item.stance)).toEqual(["supports", "context", "supports"]);
  });

  it("many additions at once to one claim all succeed (the claim's lock serialises them without deadlock)", async () => {
    const claim = await makeClaim(author, "wapenstilstand te bewerkstelligen");
    const actors = [author, colleague, moderator, owner, author, colleague];
    const added = await Promise.all(actors.map((actor, index) => createEvidence(actor, claim, evidenceInput({ title: `Bron ${index}` }))));
    expect(await listEvidenceForClaim(author, claim)).toHaveLength(added.length);
    expect((await historyOf(claim)).filter((line) => line.field === "evidence.added")).toHaveLength(added.length);
  });
});

describe("editing and deleting", () => {
  it("its author edits any field, sets the link to null, and the answer says it was edited", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInput({ url: "https://example.com/", quote: "Oud citaat" }));
    const edited = await updateEvidence(author, evidence.id, editInput({ url: null, title: " Nieuwe titel ", stance: "context", note: "Toegevoegd" }));
    expect(edited).toMatchObject({ id: evidence.id, url: null, title: "Nieuwe titel", stance: "context", quote: "Oud citaat", note: "Toegevoegd" });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThan(Date.parse(edited.createdAt));
    const relinked = await updateEvidence(author, evidence.id, editInput({ url: "http://example.org/x", quote: null }));
    expect(relinked).toMatchObject({ url: "http://example.org/x", quote: null, title: "Nieuwe titel" });
  });

  it("another member may neither edit nor delete it (403), and a viewer neither", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInput({ title: "Van de auteur" }));
    for (const actor of [colleague, viewer]) {
      await expect(updateEvidence(actor, evidence.id, editInput({ title: "Overschreven" }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(deleteEvidence(actor, evidence.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await evidenceRow(evidence.id)).toMatchObject({ title: "Van de auteur" });
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role (an editor) edits and deletes anyone's evidence", async ({ actor }) => {
    const evidence = await createEvidence(colleague, claimId, evidenceInput({ title: "Van een collega" }));
    const edited = await updateEvidence(actor(), evidence.id, editInput({ title: "Verbeterd door de redactie" }));
    expect(edited).toMatchObject({ title: "Verbeterd door de redactie", author: { id: colleague.userId } });
    await deleteEvidence(actor(), evidence.id);
    expect(await evidenceRow(evidence.id)).toBeNull();
    await expect(updateEvidence(colleague, evidence.id, editInput({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEvidence(actor(), evidence.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("its author deletes it", async () => {
    const evidence = await createEvidence(colleague, claimId, evidenceInput());
    await deleteEvidence(colleague, evidence.id);
    expect(await evidenceRow(evidence.id)).toBeNull();
  });

  it("an author demoted to viewer still reads it but may no longer edit or delete it", async () => {
    const demoted = await unsafeCreateUser("Demoted");
    await unsafeAddTeamMember(team.teamId, demoted, "MEMBER");
    const evidence = await createEvidence(demoted, claimId, evidenceInput({ title: "Voor de degradatie" }));
    await getTestDb().membership.update({ where: { teamId_userId: { teamId: team.teamId, userId: demoted.userId } }, data: { role: "VIEWER" } });
    const seen = (await listEvidenceForClaim(demoted, claimId)).find((item) => item.id === evidence.id);
    expect(seen?.abilities).toEqual({ canEdit: false, canDelete: false });
    await expect(updateEvidence(demoted, evidence.id, editInput({ title: "x" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteEvidence(demoted, evidence.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an author who left the team reaches none of it (404); evidence of a deleted account shows no author", async () => {
    const leaver = await unsafeCreateUser("Leaver");
    await unsafeAddTeamMember(team.teamId, leaver, "MEMBER");
    const evidence = await createEvidence(leaver, claimId, evidenceInput({ title: "Van iemand die vertrok" }));
    await getTestDb().membership.delete({ where: { teamId_userId: { teamId: team.teamId, userId: leaver.userId } } });
    await expect(updateEvidence(leaver, evidence.id, editInput({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEvidence(leaver, evidence.id)).rejects.toMatchObject({ code: "not_found" });
    await getTestDb().user.delete({ where: { id: leaver.userId } });
    const seen = (await listEvidenceForClaim(moderator, claimId)).find((item) => item.id === evidence.id);
    expect(seen).toMatchObject({ author: null, abilities: { canEdit: true, canDelete: true } });
    expect((await listEvidenceForClaim(colleague, claimId)).find((item) => item.id === evidence.id)?.abilities).toEqual({ canEdit: false, canDelete: false });
  });
});

describe("on a hidden claim", () => {
  it("its evidence is withheld from members and viewers (404), read by moderators and owners, and frozen", async () => {
    const claim = await makeClaim(author, "Rusland er in geslaagd");
    const evidence = await createEvidence(author, claim, evidenceInput({ title: "Voor het verbergen" }));
    await hideClaim(moderator, claim, hideInputSchema.parse({ reason: "Off-topic" }));

    for (const actor of [author, colleague, viewer]) {
      await expect(listEvidenceForClaim(actor, claim)).rejects.toMatchObject({ code: "not_found" });
      await expect(updateEvidence(actor, evidence.id, editInput({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteEvidence(actor, evidence.id)).rejects.toMatchObject({ code: "not_found" });
    }
    for (const actor of [moderator, owner]) {
      const items = await listEvidenceForClaim(actor, claim);
      expect(items.map((item) => [item.title, item.abilities])).toEqual([["Voor het verbergen", { canEdit: false, canDelete: true }]]);
      await expect(updateEvidence(actor, evidence.id, editInput({ title: "x" }))).rejects.toMatchObject({ code: "conflict" });
    }
    // Nobody adds evidence to it: members and viewers too learn only what the claim's placeholder says already.
    for (const actor of [owner, moderator, author, colleague, viewer]) {
      await expect(createEvidence(actor, claim, evidenceInput())).rejects.toMatchObject({ code: "conflict" });
    }
    expect(await getTestDb().evidence.count({ where: { claimId: claim } })).toBe(1);
    expect(await evidenceRow(evidence.id)).toMatchObject({ title: "Voor het verbergen" });

    // A moderator may still delete it; once the claim is restored, its author edits again.
    const another = await createEvidenceDirectly(claim, author, "Ook verborgen");
    await deleteEvidence(moderator, another);
    expect(await evidenceRow(another)).toBeNull();
    await unhideClaim(moderator, claim);
    await expect(updateEvidence(author, evidence.id, editInput({ title: "Na het herstel" }))).resolves.toMatchObject({ title: "Na het herstel" });
    await expect(createEvidence(colleague, claim, evidenceInput())).resolves.toMatchObject({ claimId: claim });
  });

  it("a claim hidden while the change waits for the claim's lock refuses the change (409), and writes nothing", async () => {
    const claim = await makeClaim(author, "amper twaalf uur na de aankondiging");
    const before = await historyOf(claim);
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
    const adding = createEvidence(owner, claim, evidenceInput());
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
    expect(await historyOf(claim)).toEqual(before);
  });
});

/** Writes evidence straight into the database (as if added before the claim was hidden). */
async function createEvidenceDirectly(claim: string, by: TestUser, title: string): Promise<string> {
  const row = await getTestDb().evidence.create({ data: { claimId: claim, authorId: by.userId, title, stance: "CONTEXT" } });
  return row.id;
}

describe("history and live events", () => {
  it("adding, editing and deleting each write one history line and one live event, for the claim's readers", async () => {
    const claim = await makeClaim(author, "Zaterdagnacht");
    const head = await unsafeReadTeamHead(team.teamId);
    const evidence = await createEvidence(colleague, claim, evidenceInput({ title: "Bron A", stance: "supports" }));
    await updateEvidence(moderator, evidence.id, editInput({ title: "Bron B", stance: "refutes" }));
    await updateEvidence(moderator, evidence.id, editInput({ note: "Alleen een notitie" }));
    await deleteEvidence(colleague, evidence.id);

    expect(await historyOf(claim)).toEqual([
      { field: "evidence.added", actorId: colleague.userId, from: null, to: { title: "Bron A", stance: "supports" } },
      { field: "evidence.updated", actorId: moderator.userId, from: { title: "Bron A", stance: "supports" }, to: { title: "Bron B", stance: "refutes" } },
      { field: "evidence.updated", actorId: moderator.userId, from: { title: "Bron B", stance: "refutes" }, to: { title: "Bron B", stance: "refutes" } },
      { field: "evidence.deleted", actorId: colleague.userId, from: { title: "Bron B", stance: "refutes" }, to: null },
    ]);
    const common = { documentId: team.documentId, claimId: claim, commentId: null, tagId: null, audience: "TEAM", audienceUserId: null };
    expect(await unsafeReadTeamEvents(team.teamId, head)).toEqual([
      { seq: head + 1, type: "evidence.created", actorId: colleague.userId, ...common },
      { seq: head + 2, type: "evidence.updated", actorId: moderator.userId, ...common },
      { seq: head + 3, type: "evidence.updated", actorId: moderator.userId, ...common },
      { seq: head + 4, type: "evidence.deleted", actorId: colleague.userId, ...common },
    ]);
  });

  it("a private claim's events reach only its author; a hidden claim's only moderators and owners", async () => {
    const head = await unsafeReadTeamHead(team.teamId);
    await createEvidence(author, privateClaimId, evidenceInput());
    const [privateEvent] = await unsafeReadTeamEvents(team.teamId, head);
    expect(privateEvent).toMatchObject({ type: "evidence.created", claimId: privateClaimId, audience: "USER", audienceUserId: author.userId });

    const claim = await makeClaim(author, "Weinig opties", "team");
    const evidence = await createEvidence(author, claim, evidenceInput());
    await hideClaim(moderator, claim, hideInputSchema.parse({ reason: "Off-topic" }));
    const beforeDelete = await unsafeReadTeamHead(team.teamId);
    await deleteEvidence(moderator, evidence.id);
    expect(await unsafeReadTeamEvents(team.teamId, beforeDelete)).toEqual([
      expect.objectContaining({ type: "evidence.deleted", claimId: claim, audience: "MODERATORS", audienceUserId: null }),
    ]);
  });

  it("a refused change writes no history line and no event", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInput());
    const head = await unsafeReadTeamHead(team.teamId);
    const lines = (await historyOf(claimId)).length;
    await expect(createEvidence(viewer, claimId, evidenceInput())).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateEvidence(colleague, evidence.id, editInput({ title: "x" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteEvidence(colleague, evidence.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head);
    expect(await historyOf(claimId)).toHaveLength(lines);
  });

  it("when the live event cannot be written, the change and its history line roll back with it", async () => {
    const claim = await makeClaim(author, "Het Turkse optreden bedreigt");
    const evidence = await createEvidence(author, claim, evidenceInput({ title: "Blijft" }));
    const head = await unsafeReadTeamHead(team.teamId);
    const lines = await historyOf(claim);
    failures.liveEvent = true;
    await expect(createEvidence(author, claim, evidenceInput({ title: "Nooit" }))).rejects.toThrow("simulated failure");
    await expect(updateEvidence(author, evidence.id, editInput({ title: "Nooit" }))).rejects.toThrow("simulated failure");
    await expect(deleteEvidence(author, evidence.id)).rejects.toThrow("simulated failure");
    failures.liveEvent = false;
    expect((await listEvidenceForClaim(author, claim)).map((item) => item.title)).toEqual(["Blijft"]);
    expect(await historyOf(claim)).toEqual(lines);
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head);
  });
});

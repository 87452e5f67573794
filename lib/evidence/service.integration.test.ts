/**
 * Evidence (lib/evidence/service.ts) against real PostgreSQL, role by role: who reads, adds, edits and deletes
 * it, on team and private claims; a demoted or departed author. Hidden claims: moderation.integration.test.ts;
 * history lines and live events: history.integration.test.ts.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createClaim } from "@/lib/claims/service";
import type { EvidenceView } from "@/lib/evidence/schema";
import { createEvidence, deleteEvidence, listEvidenceForClaim, updateEvidence } from "@/lib/evidence/service";
import { claimInputFor } from "@/lib/testing/claim-input";
import { evidenceEditFor, evidenceInputFor, unsafeReadClaimHistory } from "@/lib/testing/evidence";
import { disconnectTestDb, getTestDb, unsafeAddTeamMember, unsafeCreateTeamWithArticle, unsafeCreateUser, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let team: TestTeam;

async function makeClaim(actor: TestUser, needle: string, visibility: "team" | "private" = "team"): Promise<string> {
  return (await createClaim(actor, team.documentId, claimInputFor(team.documentText, needle, { visibility }))).id;
}
let outsider: TestUser;
let claimId: string;
let privateClaimId: string;

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

afterAll(disconnectTestDb);

describe("without access", () => {
  it("a non-member gets not_found from every function, for real ids, and nothing changes", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInputFor({ title: "Eerste bron" }));
    const before = await getTestDb().evidence.count({ where: { claimId } });
    await expect(listEvidenceForClaim(outsider, claimId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(createEvidence(outsider, claimId, evidenceInputFor())).rejects.toMatchObject({ code: "not_found" });
    await expect(updateEvidence(outsider, evidence.id, evidenceEditFor({ title: "Gekaapt" }))).rejects.toMatchObject({ code: "not_found" });
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
      await expect(createEvidence(actor, id, evidenceInputFor())).rejects.toMatchObject({ code: "not_found" });
      await expect(updateEvidence(actor, id, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteEvidence(actor, id)).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("a claim id used as an evidence id (and the reverse) is not_found", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInputFor());
    await expect(updateEvidence(author, claimId, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEvidence(author, claimId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listEvidenceForClaim(author, evidence.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("a private claim's evidence is its author's alone: everyone else, owners too, gets not_found", async () => {
    const evidence = await createEvidence(author, privateClaimId, evidenceInputFor({ title: "Notitie voor mezelf" }));
    expect((await listEvidenceForClaim(author, privateClaimId)).map((item) => item.id)).toEqual([evidence.id]);
    for (const actor of [owner, moderator, colleague, viewer]) {
      await expect(listEvidenceForClaim(actor, privateClaimId)).rejects.toMatchObject({ code: "not_found" });
      await expect(createEvidence(actor, privateClaimId, evidenceInputFor())).rejects.toMatchObject({ code: "not_found" });
      await expect(updateEvidence(actor, evidence.id, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteEvidence(actor, evidence.id)).rejects.toMatchObject({ code: "not_found" });
    }
    expect(await evidenceRow(evidence.id)).toMatchObject({ title: "Notitie voor mezelf" });
  });
});

describe("adding and reading", () => {
  it("a viewer may read but not add (403), and nothing is written", async () => {
    const before = await getTestDb().evidence.count({ where: { claimId } });
    await expect(createEvidence(viewer, claimId, evidenceInputFor())).rejects.toMatchObject({ code: "forbidden", message: "Your role in this team cannot add evidence" });
    expect(await getTestDb().evidence.count({ where: { claimId } })).toBe(before);
    await expect(listEvidenceForClaim(viewer, claimId)).resolves.toBeInstanceOf(Array);
  });

  it.each([
    { role: "MEMBER (not the claim's author)", actor: () => colleague },
    { role: "MEMBER (the claim's author)", actor: () => author },
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role adds evidence, and gets it back as the API shows it", async ({ actor }) => {
    const input = evidenceInputFor({ url: "https://www.nu.nl/buitenland/artikel.html", title: "NU.nl", quote: "Citaat", note: "Notitie", stance: "refutes" });
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
    const linked = await createEvidence(author, claimId, evidenceInputFor({ url: "HTTPS://Example.COM/a b" }));
    expect(linked.url).toBe("https://example.com/a%20b");
    const bare = await createEvidence(author, claimId, evidenceInputFor({ url: "", quote: "  ", note: undefined }));
    expect(bare).toMatchObject({ url: null, quote: null, note: null });
  });

  it("lists oldest first, for every role that may read the claim, with each reader's own abilities", async () => {
    const claim = await makeClaim(author, "Het Turkse optreden bedreigt");
    const first = await createEvidence(author, claim, evidenceInputFor({ title: "Eerste" }));
    const second = await createEvidence(colleague, claim, evidenceInputFor({ title: "Tweede", stance: "context" }));
    const third = await createEvidence(moderator, claim, evidenceInputFor({ title: "Derde" }));
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
    const added = await Promise.all(actors.map((actor, index) => createEvidence(actor, claim, evidenceInputFor({ title: `Bron ${index}` }))));
    expect(await listEvidenceForClaim(author, claim)).toHaveLength(added.length);
    expect((await unsafeReadClaimHistory(claim)).filter((line) => line.field === "evidence.added")).toHaveLength(added.length);
  });
});

describe("editing and deleting", () => {
  it("its author edits any field, sets the link to null, and the answer says it was edited", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInputFor({ url: "https://example.com/", quote: "Oud citaat" }));
    const edited = await updateEvidence(author, evidence.id, evidenceEditFor({ url: null, title: " Nieuwe titel ", stance: "context", note: "Toegevoegd" }));
    expect(edited).toMatchObject({ id: evidence.id, url: null, title: "Nieuwe titel", stance: "context", quote: "Oud citaat", note: "Toegevoegd" });
    expect(Date.parse(edited.updatedAt)).toBeGreaterThan(Date.parse(edited.createdAt));
    const relinked = await updateEvidence(author, evidence.id, evidenceEditFor({ url: "http://example.org/x", quote: null }));
    expect(relinked).toMatchObject({ url: "http://example.org/x", quote: null, title: "Nieuwe titel" });
  });

  it("another member may neither edit nor delete it (403), and a viewer neither", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInputFor({ title: "Van de auteur" }));
    for (const actor of [colleague, viewer]) {
      await expect(updateEvidence(actor, evidence.id, evidenceEditFor({ title: "Overschreven" }))).rejects.toMatchObject({ code: "forbidden" });
      await expect(deleteEvidence(actor, evidence.id)).rejects.toMatchObject({ code: "forbidden" });
    }
    expect(await evidenceRow(evidence.id)).toMatchObject({ title: "Van de auteur" });
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role (an editor) edits and deletes anyone's evidence", async ({ actor }) => {
    const evidence = await createEvidence(colleague, claimId, evidenceInputFor({ title: "Van een collega" }));
    const edited = await updateEvidence(actor(), evidence.id, evidenceEditFor({ title: "Verbeterd door de redactie" }));
    expect(edited).toMatchObject({ title: "Verbeterd door de redactie", author: { id: colleague.userId } });
    await deleteEvidence(actor(), evidence.id);
    expect(await evidenceRow(evidence.id)).toBeNull();
    await expect(updateEvidence(colleague, evidence.id, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEvidence(actor(), evidence.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("its author deletes it", async () => {
    const evidence = await createEvidence(colleague, claimId, evidenceInputFor());
    await deleteEvidence(colleague, evidence.id);
    expect(await evidenceRow(evidence.id)).toBeNull();
  });

  it("an author demoted to viewer still reads it but may no longer edit or delete it", async () => {
    const demoted = await unsafeCreateUser("Demoted");
    await unsafeAddTeamMember(team.teamId, demoted, "MEMBER");
    const evidence = await createEvidence(demoted, claimId, evidenceInputFor({ title: "Voor de degradatie" }));
    await getTestDb().membership.update({ where: { teamId_userId: { teamId: team.teamId, userId: demoted.userId } }, data: { role: "VIEWER" } });
    const seen = (await listEvidenceForClaim(demoted, claimId)).find((item) => item.id === evidence.id);
    expect(seen?.abilities).toEqual({ canEdit: false, canDelete: false });
    await expect(updateEvidence(demoted, evidence.id, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteEvidence(demoted, evidence.id)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("an author who left the team reaches none of it (404); evidence of a deleted account shows no author", async () => {
    const leaver = await unsafeCreateUser("Leaver");
    await unsafeAddTeamMember(team.teamId, leaver, "MEMBER");
    const evidence = await createEvidence(leaver, claimId, evidenceInputFor({ title: "Van iemand die vertrok" }));
    await getTestDb().membership.delete({ where: { teamId_userId: { teamId: team.teamId, userId: leaver.userId } } });
    await expect(updateEvidence(leaver, evidence.id, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteEvidence(leaver, evidence.id)).rejects.toMatchObject({ code: "not_found" });
    await getTestDb().user.delete({ where: { id: leaver.userId } });
    const seen = (await listEvidenceForClaim(moderator, claimId)).find((item) => item.id === evidence.id);
    expect(seen).toMatchObject({ author: null, abilities: { canEdit: true, canDelete: true } });
    expect((await listEvidenceForClaim(colleague, claimId)).find((item) => item.id === evidence.id)?.abilities).toEqual({ canEdit: false, canDelete: false });
  });
});

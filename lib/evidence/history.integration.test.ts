/**
 * What each change to evidence leaves behind, against real PostgreSQL: one line in the claim's history and one
 * live event for the claim's readers, written in the change's own transaction (so neither outlives a change that
 * rolled back), and nothing for a refused change.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { createClaim, hideClaim } from "@/lib/claims/service";
import { createEvidence, deleteEvidence, listEvidenceForClaim, updateEvidence } from "@/lib/evidence/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { claimInputFor } from "@/lib/testing/claim-input";
import { evidenceEditFor, evidenceInputFor, unsafeReadClaimHistory } from "@/lib/testing/evidence";
import { disconnectTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
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
let team: TestTeam;

async function makeClaim(actor: TestUser, needle: string, visibility: "team" | "private" = "team"): Promise<string> {
  return (await createClaim(actor, team.documentId, claimInputFor(team.documentText, needle, { visibility }))).id;
}
let claimId: string;
let privateClaimId: string;

beforeAll(async () => {
  [owner, moderator, author, colleague, viewer] = await unsafeCreateUsers("Owner", "Moderator", "Author", "Colleague", "Viewer");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  claimId = await makeClaim(author, "Weinig opties");
  privateClaimId = await makeClaim(author, "De regio heeft een bijna heilige status", "private");
});

afterEach(() => {
  failures.liveEvent = false;
});

afterAll(disconnectTestDb);

describe("history and live events", () => {
  it("adding, editing and deleting each write one history line and one live event, for the claim's readers", async () => {
    const claim = await makeClaim(author, "Zaterdagnacht");
    const head = await unsafeReadTeamHead(team.teamId);
    const evidence = await createEvidence(colleague, claim, evidenceInputFor({ title: "Bron A", stance: "supports" }));
    await updateEvidence(moderator, evidence.id, evidenceEditFor({ title: "Bron B", stance: "refutes" }));
    await updateEvidence(moderator, evidence.id, evidenceEditFor({ note: "Alleen een notitie" }));
    await deleteEvidence(colleague, evidence.id);

    expect(await unsafeReadClaimHistory(claim)).toEqual([
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
    await createEvidence(author, privateClaimId, evidenceInputFor());
    const [privateEvent] = await unsafeReadTeamEvents(team.teamId, head);
    expect(privateEvent).toMatchObject({ type: "evidence.created", claimId: privateClaimId, audience: "USER", audienceUserId: author.userId });

    const claim = await makeClaim(author, "Weinig opties", "team");
    const evidence = await createEvidence(author, claim, evidenceInputFor());
    await hideClaim(moderator, claim, hideInputSchema.parse({ reason: "Off-topic" }));
    const beforeDelete = await unsafeReadTeamHead(team.teamId);
    await deleteEvidence(moderator, evidence.id);
    expect(await unsafeReadTeamEvents(team.teamId, beforeDelete)).toEqual([
      expect.objectContaining({ type: "evidence.deleted", claimId: claim, audience: "MODERATORS", audienceUserId: null }),
    ]);
  });

  it("a refused change writes no history line and no event", async () => {
    const evidence = await createEvidence(author, claimId, evidenceInputFor());
    const head = await unsafeReadTeamHead(team.teamId);
    const lines = (await unsafeReadClaimHistory(claimId)).length;
    await expect(createEvidence(viewer, claimId, evidenceInputFor())).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateEvidence(colleague, evidence.id, evidenceEditFor({ title: "x" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteEvidence(colleague, evidence.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head);
    expect(await unsafeReadClaimHistory(claimId)).toHaveLength(lines);
  });

  it("when the live event cannot be written, the change and its history line roll back with it", async () => {
    const claim = await makeClaim(author, "Het Turkse optreden bedreigt");
    const evidence = await createEvidence(author, claim, evidenceInputFor({ title: "Blijft" }));
    const head = await unsafeReadTeamHead(team.teamId);
    const lines = await unsafeReadClaimHistory(claim);
    failures.liveEvent = true;
    await expect(createEvidence(author, claim, evidenceInputFor({ title: "Nooit" }))).rejects.toThrow("simulated failure");
    await expect(updateEvidence(author, evidence.id, evidenceEditFor({ title: "Nooit" }))).rejects.toThrow("simulated failure");
    await expect(deleteEvidence(author, evidence.id)).rejects.toThrow("simulated failure");
    failures.liveEvent = false;
    expect((await listEvidenceForClaim(author, claim)).map((item) => item.title)).toEqual(["Blijft"]);
    expect(await unsafeReadClaimHistory(claim)).toEqual(lines);
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head);
  });
});

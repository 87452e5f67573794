import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim } from "@/lib/claims/service";
import { getDocumentForActor, listDocumentsForActor } from "@/lib/documents/service";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUser,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";

let reader: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let stranger: TestUser;
let loner: TestUser;
let teamA: TestTeam;
let teamB: TestTeam;
let foreignTeam: TestTeam;

async function claim(actor: TestUser, team: TestTeam, needle: string, visibility: "team" | "private") {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
  return createClaim(actor, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, visibility }));
}

beforeAll(async () => {
  [reader, colleague, viewer, stranger, loner] = await Promise.all([
    unsafeCreateUser("Reader"),
    unsafeCreateUser("Colleague"),
    unsafeCreateUser("Viewer"),
    unsafeCreateUser("Stranger"),
    unsafeCreateUser("Loner"),
  ]);
  teamA = await unsafeCreateTeamWithArticle(
    [
      [reader, "MEMBER"],
      [colleague, "MEMBER"],
      [viewer, "VIEWER"],
    ],
    "Team A",
  );
  teamB = await unsafeCreateTeamWithArticle([[reader, "VIEWER"]], "Team B");
  foreignTeam = await unsafeCreateTeamWithArticle([[stranger, "OWNER"]], "Foreign team");
  // Make "newest first" deterministic: B's document is a day newer than A's.
  const db = getTestDb();
  await db.document.update({ where: { id: teamA.documentId }, data: { createdAt: new Date("2024-01-01T00:00:00Z") } });
  await db.document.update({ where: { id: teamB.documentId }, data: { createdAt: new Date("2024-01-02T00:00:00Z") } });

  await claim(reader, teamA, "Weinig opties", "team");
  await claim(reader, teamA, "Het Turkse optreden", "private");
  await claim(colleague, teamA, "Poetin moet iets doen", "team");
  await claim(colleague, teamA, "Maar veel opties heeft hij niet.", "private");
  await claim(colleague, teamA, "Rusland heeft ook geen troepen", "private");
  await claim(stranger, foreignTeam, "Weinig opties", "team");
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it("a user in no team lists no documents", async () => {
    expect(await listDocumentsForActor(loner)).toEqual([]);
  });

  it.each([
    { what: "another team's document", id: () => teamA.documentId },
    { what: 'malformed id "nope"', id: () => "nope" },
    { what: "an empty id", id: () => "" },
    { what: "a random UUID", id: () => randomUUID() },
  ])("$what is not_found", async ({ id }) => {
    for (const actor of [loner, stranger]) {
      await expect(getDocumentForActor(actor, id())).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    }
  });

  it("a member of one team cannot open another team's document", async () => {
    await expect(getDocumentForActor(reader, foreignTeam.documentId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("listDocumentsForActor", () => {
  it("lists exactly the documents of the actor's teams, newest first", async () => {
    const documents = await listDocumentsForActor(reader);
    expect(documents.map((document) => document.id)).toEqual([teamB.documentId, teamA.documentId]);
    expect(documents.map((document) => document.teamId)).toEqual([teamB.teamId, teamA.teamId]);
    expect(documents[0]?.teamName).toMatch(/^Team B /u);
    expect(documents[1]).toMatchObject({
      title: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand",
      publishedOn: "2020-10",
      teamName: expect.stringMatching(/^Team A /u),
    });
    expect(documents.map((document) => document.id)).not.toContain(foreignTeam.documentId);
  });

  it.each([
    // Two team claims plus the actor's own private ones; others' private claims never count.
    { who: "the reader (1 own private)", actor: () => reader, expected: 3 },
    { who: "the colleague (2 own private)", actor: () => colleague, expected: 4 },
    { who: "the viewer (none own)", actor: () => viewer, expected: 2 },
  ])("counts the claims $who can see", async ({ actor, expected }) => {
    const documents = await listDocumentsForActor(actor());
    expect(documents.find((document) => document.id === teamA.documentId)?.claimCount).toBe(expected);
  });

  it("counts only that document's claims", async () => {
    const documents = await listDocumentsForActor(reader);
    expect(documents.find((document) => document.id === teamB.documentId)?.claimCount).toBe(0);
    const foreign = await listDocumentsForActor(stranger);
    expect(foreign.map((document) => [document.id, document.claimCount])).toEqual([[foreignTeam.documentId, 1]]);
  });
});

describe("getDocumentForActor", () => {
  it.each([
    { role: "MEMBER", actor: () => reader, team: () => teamA },
    { role: "VIEWER", actor: () => viewer, team: () => teamA },
    { role: "VIEWER", actor: () => reader, team: () => teamB },
  ])("gives a $role the document, its text and their role", async ({ role, actor, team }) => {
    const document = await getDocumentForActor(actor(), team().documentId);
    expect(document).toMatchObject({ id: team().documentId, teamId: team().teamId, text: team().documentText, version: 1, role, publishedOn: "2020-10" });
    expect(document.content.type).toBe("doc");
    expect(document.content.content.length).toBeGreaterThan(1);
  });
});

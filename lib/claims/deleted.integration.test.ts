import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { claimGoneError, wasClaimDeletedForActor } from "@/lib/claims/deleted";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, deleteClaim } from "@/lib/claims/service";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";

let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let leaver: TestUser;
let outsider: TestUser;
let team: TestTeam;

async function deletedClaim(visibility: "team" | "private" = "team"): Promise<string> {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, "Weinig opties"));
  const claim = await createClaim(author, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, visibility }));
  await deleteClaim(author, claim.id);
  return claim.id;
}

beforeAll(async () => {
  [author, colleague, viewer, leaver, outsider] = await unsafeCreateUsers("Author", "Colleague", "Viewer", "Leaver", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
    [leaver, "MEMBER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
});

afterAll(disconnectTestDb);

describe("wasClaimDeletedForActor", () => {
  it("is true for every member of the team a team claim was deleted from, whatever their role", async () => {
    const claimId = await deletedClaim();
    for (const actor of [author, colleague, viewer]) expect(await wasClaimDeletedForActor(actor, claimId)).toBe(true);
  });

  it("is false for a non-member, and for someone who has left the team since", async () => {
    const claimId = await deletedClaim();
    await getTestDb().membership.delete({ where: { teamId_userId: { teamId: team.teamId, userId: leaver.userId } } });
    expect(await wasClaimDeletedForActor(outsider, claimId)).toBe(false);
    expect(await wasClaimDeletedForActor(leaver, claimId)).toBe(false);
  });

  it("for a private claim, is true for its author only", async () => {
    const claimId = await deletedClaim("private");
    expect(await wasClaimDeletedForActor(author, claimId)).toBe(true);
    expect(await wasClaimDeletedForActor(colleague, claimId)).toBe(false);
  });

  it.each([
    { what: "an id that never was a claim", id: randomUUID() },
    { what: "a malformed id", id: "nope" },
    { what: "SQL in the id", id: "' OR 1=1 --" },
  ])("is false for $what", async ({ id }) => {
    expect(await wasClaimDeletedForActor(author, id)).toBe(false);
  });
});

describe("claimGoneError", () => {
  it("is a 409 with the `deleted` message when the actor knew the claim, else the 404 with `missing`", async () => {
    const claimId = await deletedClaim();
    const messages = { deleted: "errors.verdicts.claimDeleted", missing: "errors.claims.notFound" } as const;
    expect(await claimGoneError(colleague, claimId, messages)).toMatchObject({ code: "conflict", message: "This claim was deleted" });
    expect(await claimGoneError(outsider, claimId, messages)).toMatchObject({ code: "not_found" });
    expect(await claimGoneError(colleague, randomUUID(), messages)).toMatchObject({ code: "not_found" });
  });
});

import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { defaultTags } from "@/lib/tags/colors";
import { listTagsForTeam } from "@/lib/tags/service";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUser,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;
let otherTeam: TestTeam;
let emptyTeam: TestTeam;

beforeAll(async () => {
  [owner, moderator, member, viewer, outsider] = await Promise.all([
    unsafeCreateUser("Owner"),
    unsafeCreateUser("Moderator"),
    unsafeCreateUser("Member"),
    unsafeCreateUser("Viewer"),
    unsafeCreateUser("Outsider"),
  ]);
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  otherTeam = await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  emptyTeam = await unsafeCreateTeamWithArticle([[member, "MEMBER"]], "Team without tags");
  const db = getTestDb();
  // The factory creates the four tags in one statement, so they share one created_at; the seed
  // (prisma/seed/demo.ts) creates them one by one. Spread them out as the seed does, so the order is defined.
  await Promise.all(
    defaultTags.map((tag, index) =>
      db.tag.update({
        where: { teamId_name: { teamId: team.teamId, name: tag.name } },
        data: { createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, index)) },
      }),
    ),
  );
  await db.tag.create({ data: { teamId: otherTeam.teamId, name: "elsewhere", color: "#0b66a8" } });
  await db.tag.deleteMany({ where: { teamId: emptyTeam.teamId } });
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it.each([
    { what: "another team's id", id: () => team.teamId },
    { what: "a team without tags", id: () => emptyTeam.teamId },
    { what: 'malformed id "nope"', id: () => "nope" },
    { what: "an empty id", id: () => "" },
    { what: "a random UUID", id: () => randomUUID() },
  ])("$what is not_found for a non-member", async ({ id }) => {
    await expect(listTagsForTeam(outsider, id())).rejects.toMatchObject({ name: "AppError", code: "not_found" });
  });

  it("a document id is not a team id", async () => {
    await expect(listTagsForTeam(member, team.documentId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("listTagsForTeam", () => {
  it.each([
    { role: "OWNER", actor: () => owner },
    { role: "MODERATOR", actor: () => moderator },
    { role: "MEMBER", actor: () => member },
    { role: "VIEWER", actor: () => viewer },
  ])("shows a $role the four default tags, in order, with their colours", async ({ actor }) => {
    const tags = await listTagsForTeam(actor(), team.teamId);
    expect(tags.map(({ name, color }) => ({ name, color }))).toEqual(defaultTags.map(({ name, color }) => ({ name, color })));
    expect(tags.map((tag) => tag.id)).toEqual(defaultTags.map((tag) => team.tagIds[tag.name]));
  });

  it("never mixes in another team's tags", async () => {
    const names = (await listTagsForTeam(outsider, otherTeam.teamId)).map((tag) => tag.name);
    expect(names).toHaveLength(5);
    expect(names).toContain("elsewhere");
    expect((await listTagsForTeam(member, team.teamId)).map((tag) => tag.name)).not.toContain("elsewhere");
  });

  it("gives a member of a team without tags an empty list, not a 404", async () => {
    expect(await listTagsForTeam(member, emptyTeam.teamId)).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listAuditEvents } from "@/lib/audit/service";
import { renameTeam } from "@/lib/teams/service";
import { disconnectTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let outsider: TestUser;
let team: TestTeam;

beforeAll(async () => {
  [owner, moderator, member, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Member", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [member, "MEMBER"],
  ]);
  for (let index = 1; index <= 5; index += 1) await renameTeam(owner, team.teamId, { name: `Naam ${index}` });
});

afterAll(disconnectTestDb);

describe("listAuditEvents", () => {
  it("is a 404 for non-members and a 403 for members who are not the owner", async () => {
    await expect(listAuditEvents(outsider, team.teamId)).rejects.toMatchObject({ code: "not_found" });
    await expect(listAuditEvents(outsider, "nope")).rejects.toMatchObject({ code: "not_found" });
    await expect(listAuditEvents(moderator, team.teamId)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditEvents(member, team.teamId)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("pages newest first with who, what and when", async () => {
    const first = await listAuditEvents(owner, team.teamId, { limit: 2 });
    expect(first.items.map((event) => event.summary)).toEqual(["renamed the team from “Naam 4” to “Naam 5”", "renamed the team from “Naam 3” to “Naam 4”"]);
    expect(first.items[0]?.actor).toEqual({ id: owner.userId, name: "Owner" });
    expect(first.nextBefore).not.toBeNull();
    const second = await listAuditEvents(owner, team.teamId, { limit: 10, before: first.nextBefore! });
    expect(second.items).toHaveLength(3);
    expect(second.nextBefore).toBeNull();
  });
});

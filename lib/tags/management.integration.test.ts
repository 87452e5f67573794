import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema, updateClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, getClaimForActor, updateClaim } from "@/lib/claims/service";
import { defaultTags } from "@/lib/tags/colors";
import { createTagInputSchema, updateTagInputSchema } from "@/lib/tags/schema";
import { createTag, deleteTag, listTagsForTeam, listTagsWithUsage, updateTag } from "@/lib/tags/service";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";

// A pass-through wrapper a test can make fail, to prove a tag change and its audit event commit together.
const failures = vi.hoisted(() => ({ audit: false }));
vi.mock("@/lib/audit/service", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/audit/service")>();
  return {
    ...original,
    unsafeRecordAuditEvent: async (...args: Parameters<typeof original.unsafeRecordAuditEvent>) => {
      await original.unsafeRecordAuditEvent(...args);
      if (failures.audit) throw new Error("simulated failure after the audit event was written");
    },
  };
});

let owner: TestUser;
let moderator: TestUser;
let member: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

const newTag = (name: string, color = "#15803d") => createTagInputSchema.parse({ name, color });
const change = (input: { name?: string; color?: string }) => updateTagInputSchema.parse(input);
const uniqueName = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function tagEvents(tagId: string) {
  return getTestDb().auditEvent.findMany({ where: { targetId: tagId }, orderBy: { createdAt: "asc" } });
}

async function tagRows() {
  return getTestDb().tag.findMany({ where: { teamId: team.teamId }, select: { id: true, name: true, color: true }, orderBy: { name: "asc" } });
}

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

afterEach(() => {
  failures.audit = false;
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it("a non-member gets not_found from every function, for real ids, and nothing changes", async () => {
    const before = await tagRows();
    const tagId = team.tagIds.military!;
    await expect(listTagsWithUsage(outsider, team.teamId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(createTag(outsider, team.teamId, newTag("binnendringer"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(updateTag(outsider, tagId, change({ name: "gekaapt" }))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await expect(deleteTag(outsider, tagId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    expect(await tagRows()).toEqual(before);
    expect(await getTestDb().auditEvent.count({ where: { teamId: team.teamId, action: { startsWith: "tag." } } })).toBe(0);
  });

  it.each([
    { what: 'malformed id "nope"', id: "nope" },
    { what: "an empty id", id: "" },
    { what: "SQL in the id", id: "'; DELETE FROM tags; --" },
    { what: "a random UUID", id: randomUUID() },
  ])("$what is not_found for owners and non-members alike", async ({ id }) => {
    for (const actor of [outsider, owner]) {
      await expect(listTagsWithUsage(actor, id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(createTag(actor, id, newTag("x"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(updateTag(actor, id, change({ name: "x" }))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(deleteTag(actor, id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    }
  });

  it("a team id is not a tag id, and a tag id is not a team id", async () => {
    await expect(updateTag(owner, team.teamId, change({ name: "x" }))).rejects.toMatchObject({ code: "not_found" });
    await expect(createTag(owner, team.tagIds.military!, newTag("x"))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("listTagsWithUsage", () => {
  it.each([
    { role: "OWNER", actor: () => owner, canManage: true },
    { role: "MODERATOR", actor: () => moderator, canManage: true },
    { role: "MEMBER", actor: () => member, canManage: false },
    { role: "VIEWER", actor: () => viewer, canManage: false },
  ])("shows a $role the team, its tags with claim counts, and canManage: $canManage", async ({ actor, canManage }) => {
    const view = await listTagsWithUsage(actor(), team.teamId);
    expect(view.team.id).toBe(team.teamId);
    expect(view.abilities).toEqual({ canManage });
    for (const tag of defaultTags) expect(view.items.map((item) => item.name)).toContain(tag.name);
    expect(view.items.every((item) => Number.isInteger(item.claimCount))).toBe(true);
  });

  it("counts every claim that carries a tag, private ones included (what deleting it touches)", async () => {
    const name = uniqueName("geteld");
    const tag = await createTag(moderator, team.teamId, newTag(name));
    for (const [needle, visibility] of [["Weinig opties", "team"], ["Het Turkse optreden", "private"]] as const) {
      const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
      await createClaim(member, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, tags: [name], visibility }));
    }
    const asOwner = await listTagsWithUsage(owner, team.teamId);
    expect(asOwner.items.find((item) => item.id === tag.id)?.claimCount).toBe(2);
  });
});

describe("createTag", () => {
  it.each([
    { role: "MEMBER", actor: () => member },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role gets forbidden, and nothing is stored or recorded", async ({ actor }) => {
    const before = await tagRows();
    await expect(createTag(actor(), team.teamId, newTag(uniqueName("verboden")))).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await tagRows()).toEqual(before);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role creates a tag, records tag.created, and members can use it on claims at once", async ({ actor }) => {
    const name = uniqueName("Sanctions");
    const tag = await createTag(actor(), team.teamId, newTag(`  ${name} `, "#0F766E"));
    expect(tag).toEqual({ id: expect.any(String), name, color: "#0f766e", claimCount: 0 });
    expect((await listTagsForTeam(member, team.teamId)).at(-1)).toEqual({ id: tag.id, name, color: "#0f766e" });
    const events = await tagEvents(tag.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ teamId: team.teamId, actorId: actor().userId, action: "tag.created", targetType: "tag", details: { name, color: "#0f766e" } });
    const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, "Verdeel-en-heers"));
    const claim = await createClaim(member, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, tags: [name.toUpperCase()] }));
    expect(claim.tags).toEqual([{ id: tag.id, name, color: "#0f766e" }]);
  });

  it.each([
    { what: "the same name", name: "military" },
    { what: "another case", name: "MILITARY" },
    { what: "mixed case with padding", name: "  Military " },
  ])("a name clashing with an existing tag ($what) is a 409 naming the tag, and nothing is stored", async ({ name }) => {
    const before = await tagRows();
    const attempt = createTag(moderator, team.teamId, newTag(name));
    await expect(attempt).rejects.toMatchObject({ name: "AppError", code: "conflict", message: expect.stringContaining("“military”") });
    expect(await tagRows()).toEqual(before);
  });

  it("names differing only in Unicode composition clash too", async () => {
    const precomposed = `\u00e9${uniqueName("nergie")}`;
    await createTag(moderator, team.teamId, newTag(precomposed));
    const decomposed = `e\u0301${precomposed.slice(1)}`;
    await expect(createTag(owner, team.teamId, newTag(decomposed))).rejects.toMatchObject({ code: "conflict" });
  });

  it("the same name in another team is fine", async () => {
    const other = await unsafeCreateTeamWithArticle([[owner, "OWNER"]], "Second team");
    const tag = await createTag(owner, other.teamId, newTag(uniqueName("gedeeld")));
    expect(tag.claimCount).toBe(0);
    const again = await createTag(owner, team.teamId, newTag(tag.name));
    expect(again.id).not.toBe(tag.id);
  });

  it("of two moderators creating the same name at once (in different case), one wins and the other gets 409", async () => {
    const name = uniqueName("gelijktijdig");
    const results = await Promise.allSettled([
      createTag(moderator, team.teamId, newTag(name)),
      createTag(owner, team.teamId, newTag(name.toUpperCase())),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect((await tagRows()).filter((tag) => tag.name.toLowerCase() === name)).toHaveLength(1);
  });

  it("stops at 100 tags per team (422)", async () => {
    const crowded = await unsafeCreateTeamWithArticle([[owner, "OWNER"]], "Crowded team");
    const db = getTestDb();
    await db.tag.createMany({ data: Array.from({ length: 96 }, (_, index) => ({ teamId: crowded.teamId, name: `tag ${index}`, color: "#475569" })) });
    await expect(createTag(owner, crowded.teamId, newTag("one too many"))).rejects.toMatchObject({ code: "validation_failed" });
    expect(await db.tag.count({ where: { teamId: crowded.teamId } })).toBe(100);
  });

  it("when recording the audit event fails, no tag is created", async () => {
    const name = uniqueName("mislukt");
    failures.audit = true;
    await expect(createTag(owner, team.teamId, newTag(name))).rejects.toThrow("simulated failure");
    expect((await tagRows()).map((tag) => tag.name)).not.toContain(name);
  });
});

describe("updateTag", () => {
  it.each([
    { role: "MEMBER", actor: () => member },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role gets forbidden, and nothing changes", async ({ actor }) => {
    const tag = await createTag(moderator, team.teamId, newTag(uniqueName("vast")));
    await expect(updateTag(actor(), tag.id, change({ name: "anders", color: "#b91c1c" }))).rejects.toMatchObject({ code: "forbidden" });
    expect((await tagRows()).find((row) => row.id === tag.id)).toEqual({ id: tag.id, name: tag.name, color: tag.color });
    expect((await tagEvents(tag.id)).map((event) => event.action)).toEqual(["tag.created"]);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role renames and recolours; claims keep the tag under its new name; tag.updated records old and new", async ({ actor }) => {
    const before = uniqueName("oud");
    const tag = await createTag(moderator, team.teamId, newTag(before, "#15803d"));
    const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, "Weinig opties"));
    const claim = await createClaim(member, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, tags: [before] }));
    const after = uniqueName("nieuw");
    const updated = await updateTag(actor(), tag.id, change({ name: after, color: "#be185d" }));
    expect(updated).toEqual({ id: tag.id, name: after, color: "#be185d", claimCount: 1 });
    expect((await getClaimForActor(member, claim.id)).tags).toEqual([{ id: tag.id, name: after, color: "#be185d" }]);
    const events = await tagEvents(tag.id);
    expect(events.map((event) => event.action)).toEqual(["tag.created", "tag.updated"]);
    expect(events[1]).toMatchObject({
      actorId: actor().userId,
      details: { name: after, previousName: before, color: "#be185d", previousColor: "#15803d" },
    });
  });

  it("a case-only rename of the tag itself is allowed; renaming onto another tag's name (any case) is a 409", async () => {
    const name = uniqueName("hoofdletters");
    const tag = await createTag(moderator, team.teamId, newTag(name));
    expect((await updateTag(moderator, tag.id, change({ name: name.toUpperCase() }))).name).toBe(name.toUpperCase());
    await expect(updateTag(moderator, tag.id, change({ name: "Diplomatic" }))).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("“diplomatic”") });
    expect((await tagRows()).find((row) => row.id === tag.id)?.name).toBe(name.toUpperCase());
  });

  it("a colour-only change keeps the name and needs no name check", async () => {
    const tag = await createTag(moderator, team.teamId, newTag(uniqueName("kleur")));
    const updated = await updateTag(owner, tag.id, change({ color: "#4338ca" }));
    expect(updated).toMatchObject({ name: tag.name, color: "#4338ca" });
  });

  it("when recording the audit event fails, the tag keeps its name", async () => {
    const tag = await createTag(moderator, team.teamId, newTag(uniqueName("blijft")));
    failures.audit = true;
    await expect(updateTag(owner, tag.id, change({ name: uniqueName("weg") }))).rejects.toThrow("simulated failure");
    expect((await tagRows()).find((row) => row.id === tag.id)?.name).toBe(tag.name);
  });
});

describe("deleteTag", () => {
  it.each([
    { role: "MEMBER", actor: () => member },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role gets forbidden, and the tag stays", async ({ actor }) => {
    const tag = await createTag(moderator, team.teamId, newTag(uniqueName("blijvend")));
    await expect(deleteTag(actor(), tag.id)).rejects.toMatchObject({ code: "forbidden" });
    expect((await tagRows()).map((row) => row.id)).toContain(tag.id);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role deletes it: it comes off every claim (which stay), and tag.deleted records how many", async ({ actor }) => {
    const name = uniqueName("weg");
    const tag = await createTag(moderator, team.teamId, newTag(name));
    const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, "Rusland mag formeel"));
    const claim = await createClaim(member, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, tags: [name, "energy"] }));
    await deleteTag(actor(), tag.id);
    expect((await tagRows()).map((row) => row.id)).not.toContain(tag.id);
    expect((await getClaimForActor(member, claim.id)).tags.map((item) => item.name)).toEqual(["energy"]);
    expect(await getTestDb().claimTag.count({ where: { tagId: tag.id } })).toBe(0);
    const events = await tagEvents(tag.id);
    expect(events.map((event) => event.action)).toEqual(["tag.created", "tag.deleted"]);
    expect(events[1]).toMatchObject({ actorId: actor().userId, teamId: team.teamId, details: { name, color: "#15803d", claimCount: 1 } });
    await expect(updateClaim(member, claim.id, updateClaimInputSchema.parse({ tags: [name] }))).rejects.toMatchObject({ code: "validation_failed" });
    await expect(deleteTag(actor(), tag.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("when recording the audit event fails, the tag and its claim links stay", async () => {
    const name = uniqueName("behouden");
    const tag = await createTag(moderator, team.teamId, newTag(name));
    const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, "De drones hebben de dynamiek"));
    await createClaim(member, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, tags: [name] }));
    failures.audit = true;
    await expect(deleteTag(owner, tag.id)).rejects.toThrow("simulated failure");
    expect(await getTestDb().claimTag.count({ where: { tagId: tag.id } })).toBe(1);
  });
});

/**
 * Resolving and reopening a claim's discussion (lib/threads/resolution.ts) on real PostgreSQL: who may, what a
 * no-op is, and that the change, its history line and its live event are written together; a comment reopens a
 * resolved discussion.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createClaim, getClaimForActor, hideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { claimInputFor } from "@/lib/testing/claim-input";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { unsafeReadTeamEvents, unsafeReadTeamHead } from "@/lib/testing/live";
import { getThreadResolution, setThreadResolved } from "@/lib/threads/resolution";
import { createCommentInputSchema } from "@/lib/threads/schema";
import { createComment } from "@/lib/threads/service";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let assignee: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

const needles = ["Weinig opties", "Het Turkse optreden", "Zaterdagnacht", "Rusland", "Azerbeidzjan", "Armenië"];
let needleIndex = 0;

/** A fresh team claim by the author, assigned to the assignee (set directly: the check's own API is elsewhere). */
async function makeClaim(options: { visibility?: "team" | "private"; assigned?: boolean } = {}) {
  const needle = needles[needleIndex++ % needles.length]!;
  const claim = await createClaim(author, team.documentId, claimInputFor(team.documentText, needle, { visibility: options.visibility }));
  if (options.assigned !== false) await getTestDb().claim.update({ where: { id: claim.id }, data: { assigneeId: assignee.userId } });
  return claim;
}

const resolve = (actor: TestUser, claimId: string) => setThreadResolved(actor, claimId, { resolved: true });
const reopen = (actor: TestUser, claimId: string) => setThreadResolved(actor, claimId, { resolved: false });

async function historyOf(claimId: string) {
  return getTestDb().claimHistoryEntry.findMany({
    where: { claimId },
    orderBy: { createdAt: "asc" },
    select: { field: true, actorId: true, from: true, to: true },
  });
}

beforeAll(async () => {
  [owner, moderator, author, assignee, colleague, viewer, outsider] = await unsafeCreateUsers(
    "Owner",
    "Moderator",
    "Author",
    "Assignee",
    "Colleague",
    "Viewer",
    "Outsider",
  );
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [assignee, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  // The outsider owns a team of their own: every role check would pass if the team were not verified.
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it("is the claim's 404 for a non-member, an unknown or malformed id, and someone else's private claim; nothing changes", async () => {
    const claim = await makeClaim();
    const privateClaim = await makeClaim({ visibility: "private", assigned: false });
    for (const [actor, claimId] of [
      [outsider, claim.id],
      [author, randomUUID()],
      [author, "nope"],
      [colleague, privateClaim.id],
      [owner, privateClaim.id],
    ] as const) {
      await expect(resolve(actor, claimId)).rejects.toMatchObject({ code: "not_found" });
      await expect(reopen(actor, claimId)).rejects.toMatchObject({ code: "not_found" });
      await expect(getThreadResolution(actor, claimId)).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await getClaimForActor(author, claim.id)).threadResolvedAt).toBeNull();
    expect(await historyOf(claim.id)).toEqual([]);
  });
});

describe("who may resolve and reopen", () => {
  it.each([
    { who: "the claim's author (a member)", actor: () => author, allowed: true },
    { who: "its assignee (a member)", actor: () => assignee, allowed: true },
    { who: "a moderator", actor: () => moderator, allowed: true },
    { who: "an owner", actor: () => owner, allowed: true },
    { who: "another member", actor: () => colleague, allowed: false },
    { who: "a viewer", actor: () => viewer, allowed: false },
  ])("$who: allowed is $allowed", async ({ actor, allowed }) => {
    const claim = await makeClaim();
    expect(claim.threadResolvedAt).toBeNull();
    if (!allowed) {
      await expect(resolve(actor(), claim.id)).rejects.toMatchObject({ code: "forbidden" });
      // Not even an open thread's no-op reopen: the rule is asked first.
      await expect(reopen(actor(), claim.id)).rejects.toMatchObject({ code: "forbidden" });
      expect((await getClaimForActor(author, claim.id)).threadResolvedAt).toBeNull();
      expect(await historyOf(claim.id)).toEqual([]);
      return;
    }
    const resolved = await resolve(actor(), claim.id);
    expect(resolved.id).toBe(claim.id);
    expect(resolved.threadResolvedAt).toEqual(expect.any(String));
    expect(await getThreadResolution(colleague, claim.id)).toEqual({
      resolved: true,
      resolvedAt: resolved.threadResolvedAt,
      resolvedBy: { id: actor().userId, name: actor().name },
    });
    const reopened = await reopen(actor(), claim.id);
    expect(reopened.threadResolvedAt).toBeNull();
    expect(await getThreadResolution(colleague, claim.id)).toEqual({ resolved: false, resolvedAt: null, resolvedBy: null });
    expect(await historyOf(claim.id)).toEqual([
      { field: "thread.resolved", actorId: actor().userId, from: null, to: null },
      { field: "thread.reopened", actorId: actor().userId, from: null, to: null },
    ]);
  });

  it("answers with abilities: only those who may resolve are told they can", async () => {
    const claim = await makeClaim();
    const abilities = await Promise.all([author, assignee, moderator, owner, colleague, viewer].map(async (actor) => (await getClaimForActor(actor, claim.id)).abilities.canResolveThread));
    expect(abilities).toEqual([true, true, true, true, false, false]);
  });

  it("a hidden claim's discussion: moderators and owners resolve it, its author may not (403), members cannot read it (404)", async () => {
    const claim = await makeClaim();
    await hideClaim(moderator, claim.id, hideInputSchema.parse({ reason: "Dubbel" }));
    await expect(resolve(author, claim.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(getThreadResolution(author, claim.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await resolve(moderator, claim.id)).threadResolvedAt).toEqual(expect.any(String));
    expect((await getThreadResolution(owner, claim.id)).resolvedBy).toEqual({ id: moderator.userId, name: "Moderator" });
  });

  it("a private claim: its author resolves it", async () => {
    const claim = await makeClaim({ visibility: "private", assigned: false });
    expect((await resolve(author, claim.id)).threadResolvedAt).toEqual(expect.any(String));
  });
});

describe("idempotence", () => {
  it("resolving a resolved thread changes nothing and records nothing; likewise reopening an open one", async () => {
    const claim = await makeClaim();
    const head = await unsafeReadTeamHead(team.teamId);
    const reopenedWhileOpen = await reopen(author, claim.id);
    expect(reopenedWhileOpen.threadResolvedAt).toBeNull();
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head);

    const first = await resolve(author, claim.id);
    const second = await resolve(moderator, claim.id);
    expect(second.threadResolvedAt).toBe(first.threadResolvedAt);
    // Still the first resolver's: a no-op does not take it over.
    expect((await getThreadResolution(author, claim.id)).resolvedBy?.id).toBe(author.userId);
    expect(await historyOf(claim.id)).toEqual([{ field: "thread.resolved", actorId: author.userId, from: null, to: null }]);
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head + 1);

    await reopen(author, claim.id);
    await reopen(author, claim.id);
    expect((await historyOf(claim.id)).map((line) => line.field)).toEqual(["thread.resolved", "thread.reopened"]);
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head + 2);
  });

  it("of two people resolving at once, one records it", async () => {
    const claim = await makeClaim();
    const answers = await Promise.all([resolve(author, claim.id), resolve(moderator, claim.id), resolve(owner, claim.id)]);
    expect(new Set(answers.map((answer) => answer.threadResolvedAt)).size).toBe(1);
    expect(await historyOf(claim.id)).toHaveLength(1);
  });
});

describe("the live event", () => {
  it("is one claim.updated per change, for the team, or for its author alone on a private claim", async () => {
    const claim = await makeClaim();
    const privateClaim = await makeClaim({ visibility: "private", assigned: false });
    const head = await unsafeReadTeamHead(team.teamId);
    await resolve(assignee, claim.id);
    await resolve(author, privateClaim.id);
    await reopen(assignee, claim.id);
    const events = await unsafeReadTeamEvents(team.teamId, head);
    expect(events.map(({ type, documentId, claimId, commentId, actorId, audience, audienceUserId }) => ({ type, documentId, claimId, commentId, actorId, audience, audienceUserId }))).toEqual([
      { type: "claim.updated", documentId: team.documentId, claimId: claim.id, commentId: null, actorId: assignee.userId, audience: "TEAM", audienceUserId: null },
      { type: "claim.updated", documentId: team.documentId, claimId: privateClaim.id, commentId: null, actorId: author.userId, audience: "USER", audienceUserId: author.userId },
      { type: "claim.updated", documentId: team.documentId, claimId: claim.id, commentId: null, actorId: assignee.userId, audience: "TEAM", audienceUserId: null },
    ]);
  });
});

describe("commenting on a resolved discussion", () => {
  const comment = (body: string, parentId?: string) => createCommentInputSchema.parse({ body, parentId });

  it("is allowed, to anyone who may comment, and reopens it: history line and claim.updated after comment.created", async () => {
    const claim = await makeClaim();
    const first = await createComment(author, claim.id, comment("Bron?"));
    await resolve(author, claim.id);
    const head = await unsafeReadTeamHead(team.teamId);
    // The colleague may not resolve or reopen, but a comment of theirs reopens it.
    const reply = await createComment(colleague, claim.id, comment("Toch nog een vraag", first.id));
    expect(reply.parentId).toBe(first.id);
    expect((await getClaimForActor(author, claim.id)).threadResolvedAt).toBeNull();
    expect(await getThreadResolution(author, claim.id)).toEqual({ resolved: false, resolvedAt: null, resolvedBy: null });
    expect(await historyOf(claim.id)).toEqual([
      { field: "thread.resolved", actorId: author.userId, from: null, to: null },
      { field: "thread.reopened", actorId: colleague.userId, from: null, to: null },
    ]);
    const events = await unsafeReadTeamEvents(team.teamId, head);
    expect(events.map(({ type, claimId, commentId, actorId }) => ({ type, claimId, commentId, actorId }))).toEqual([
      { type: "comment.created", claimId: claim.id, commentId: reply.id, actorId: colleague.userId },
      { type: "claim.updated", claimId: claim.id, commentId: null, actorId: colleague.userId },
    ]);
  });

  it("on an open discussion, a comment records no history and no claim.updated", async () => {
    const claim = await makeClaim();
    const head = await unsafeReadTeamHead(team.teamId);
    await createComment(colleague, claim.id, comment("Gewoon een reactie"));
    expect((await unsafeReadTeamEvents(team.teamId, head)).map((event) => event.type)).toEqual(["comment.created"]);
    expect(await historyOf(claim.id)).toEqual([]);
  });
});

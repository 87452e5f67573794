/**
 * The live event log (lib/realtime/event-log.ts) as the services write it, against real PostgreSQL: every change
 * appends exactly one event (type, ids, audience) in its own transaction, refused and rolled-back changes append
 * none and leave the team's counter alone, and concurrent writers get contiguous sequence numbers.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createClaim, deleteClaim, hideClaim, unhideClaim, updateClaim } from "@/lib/claims/service";
import { getDb, getPool } from "@/lib/db";
import {
  liveEventChannel,
  liveEventCtes,
  notifyAppendedLiveEventSql,
  unsafeAppendLiveEvent,
  unsafeGetLiveHeads,
  unsafeReadLiveEvents,
} from "@/lib/realtime/event-log";
import { createTagInputSchema } from "@/lib/tags/schema";
import { createTag, deleteTag, updateTag } from "@/lib/tags/service";
import { claimInputFor } from "@/lib/testing/claim-input";
import { disconnectTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { seqRange, unsafeAppendEventsSilently, unsafeReadTeamEvents, unsafeReadTeamHead, type StoredLiveEvent } from "@/lib/testing/live";
import { createComment, deleteComment, hideComment, unhideComment, updateComment } from "@/lib/threads/service";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;
let otherTeam: TestTeam;

const hide = { reason: "Off-topic" };

function claimInput(needle: string, options: { tags?: string[]; visibility?: "team" | "private" } = {}) {
  return claimInputFor(team.documentText, needle, options);
}

/** Runs `change` and asserts it appended exactly one event, the team's next, matching `expected`. */
async function expectOneEvent<T>(
  change: () => Promise<T>,
  expected: (result: T) => Partial<StoredLiveEvent>,
  teamId = team.teamId,
): Promise<T> {
  const head = await unsafeReadTeamHead(teamId);
  const result = await change();
  const events = await unsafeReadTeamEvents(teamId, head);
  expect(events).toHaveLength(1);
  expect(events[0]).toMatchObject({ seq: head + 1, ...expected(result) });
  expect(await unsafeReadTeamHead(teamId)).toBe(head + 1);
  return result;
}

/** Runs `change`, which must fail with `code`, and asserts the log and counter did not move. */
async function expectNoEvent(change: () => Promise<unknown>, code: string, teamId = team.teamId): Promise<void> {
  const head = await unsafeReadTeamHead(teamId);
  await expect(change()).rejects.toMatchObject({ code });
  expect(await unsafeReadTeamEvents(teamId, head)).toEqual([]);
  expect(await unsafeReadTeamHead(teamId)).toBe(head);
}

function expectContiguous(events: StoredLiveEvent[], from: number): void {
  expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => from + index));
}

const teamAudience = { audience: "TEAM", audienceUserId: null } as const;

beforeAll(async () => {
  [owner, moderator, author, colleague, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Author", "Colleague", "Viewer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  otherTeam = await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
});

afterAll(disconnectTestDb);

describe("refused changes append nothing", () => {
  it("a non-member's changes are not found and leave the log alone", async () => {
    const claim = await createClaim(author, team.documentId, claimInput("Weinig opties"));
    await expectNoEvent(() => createClaim(outsider, team.documentId, claimInput("Weinig opties")), "not_found");
    await expectNoEvent(() => updateClaim(outsider, claim.id, { visibility: "private" }), "not_found");
    await expectNoEvent(() => deleteClaim(outsider, claim.id), "not_found");
    await expectNoEvent(() => createComment(outsider, claim.id, { body: "Hallo" }), "not_found");
    await expectNoEvent(() => createTag(outsider, team.teamId, createTagInputSchema.parse({ name: "indringer", color: "#15803d" })), "not_found");
  });

  it("a viewer's and a plain member's forbidden changes leave the log alone", async () => {
    const claim = await createClaim(author, team.documentId, claimInput("Weinig opties"));
    await expectNoEvent(() => createClaim(viewer, team.documentId, claimInput("Weinig opties")), "forbidden");
    await expectNoEvent(() => updateClaim(colleague, claim.id, { visibility: "private" }), "forbidden");
    await expectNoEvent(() => hideClaim(colleague, claim.id, hide), "forbidden");
    await expectNoEvent(() => createTag(author, team.teamId, createTagInputSchema.parse({ name: "lid", color: "#15803d" })), "forbidden");
  });
});

describe("each change appends exactly one event", () => {
  it("claims: create, update (tags, team → private → team), hide, unhide, delete by author and by moderator", async () => {
    const claim = await expectOneEvent(
      () => createClaim(author, team.documentId, claimInput("Weinig opties", { tags: ["diplomatic"] })),
      (created) => ({ type: "claim.created", documentId: team.documentId, claimId: created.id, commentId: null, tagId: null, actorId: author.userId, ...teamAudience }),
    );
    const sameClaim = { documentId: team.documentId, claimId: claim.id, commentId: null, tagId: null };
    await expectOneEvent(
      () => updateClaim(author, claim.id, { tags: ["military"] }),
      () => ({ type: "claim.updated", ...sameClaim, actorId: author.userId, ...teamAudience }),
    );
    // Leaving the team's view and coming back both reach every member: those who saw it must drop it.
    await expectOneEvent(
      () => updateClaim(author, claim.id, { visibility: "private" }),
      () => ({ type: "claim.updated", ...sameClaim, actorId: author.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => updateClaim(author, claim.id, { tags: [] }),
      () => ({ type: "claim.updated", ...sameClaim, actorId: author.userId, audience: "USER", audienceUserId: author.userId }),
    );
    await expectOneEvent(
      () => updateClaim(author, claim.id, { visibility: "team" }),
      () => ({ type: "claim.updated", ...sameClaim, actorId: author.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => hideClaim(moderator, claim.id, hide),
      () => ({ type: "claim.hidden", ...sameClaim, actorId: moderator.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => unhideClaim(owner, claim.id),
      () => ({ type: "claim.unhidden", ...sameClaim, actorId: owner.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => deleteClaim(author, claim.id),
      () => ({ type: "claim.deleted", ...sameClaim, actorId: author.userId, ...teamAudience }),
    );

    const another = await createClaim(colleague, team.documentId, claimInput("Weinig opties"));
    await expectOneEvent(
      () => deleteClaim(moderator, another.id),
      () => ({ type: "claim.deleted", claimId: another.id, actorId: moderator.userId, ...teamAudience }),
    );
  });

  it("private claims: create, update and delete reach only the author", async () => {
    const mine = { audience: "USER", audienceUserId: author.userId } as const;
    const claim = await expectOneEvent(
      () => createClaim(author, team.documentId, claimInput("Weinig opties", { visibility: "private" })),
      (created) => ({ type: "claim.created", claimId: created.id, actorId: author.userId, ...mine }),
    );
    await expectOneEvent(() => updateClaim(author, claim.id, { tags: ["military"] }), () => ({ type: "claim.updated", claimId: claim.id, ...mine }));
    await expectOneEvent(() => deleteClaim(author, claim.id), () => ({ type: "claim.deleted", claimId: claim.id, ...mine }));
  });

  it("comments: create, reply, edit, hide, unhide, delete by author and by moderator", async () => {
    const claim = await createClaim(author, team.documentId, claimInput("Weinig opties"));
    const onClaim = { documentId: team.documentId, claimId: claim.id, tagId: null };
    const comment = await expectOneEvent(
      () => createComment(colleague, claim.id, { body: "Bron?" }),
      (created) => ({ type: "comment.created", ...onClaim, commentId: created.id, actorId: colleague.userId, ...teamAudience }),
    );
    const reply = await expectOneEvent(
      () => createComment(author, claim.id, { body: "Zie de link", parentId: comment.id }),
      (created) => ({ type: "comment.created", ...onClaim, commentId: created.id, actorId: author.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => updateComment(colleague, comment.id, { body: "Welke bron?" }),
      () => ({ type: "comment.updated", ...onClaim, commentId: comment.id, actorId: colleague.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => hideComment(moderator, comment.id, hide),
      () => ({ type: "comment.hidden", ...onClaim, commentId: comment.id, actorId: moderator.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => unhideComment(owner, comment.id),
      () => ({ type: "comment.unhidden", ...onClaim, commentId: comment.id, actorId: owner.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => deleteComment(colleague, comment.id),
      () => ({ type: "comment.deleted", ...onClaim, commentId: comment.id, actorId: colleague.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => deleteComment(moderator, reply.id),
      () => ({ type: "comment.deleted", ...onClaim, commentId: reply.id, actorId: moderator.userId, ...teamAudience }),
    );
  });

  it("comments on a hidden claim reach moderators and owners; on a private claim, its author", async () => {
    const hidden = await createClaim(author, team.documentId, claimInput("Weinig opties"));
    await hideClaim(moderator, hidden.id, hide);
    const moderators = { audience: "MODERATORS", audienceUserId: null } as const;
    const comment = await expectOneEvent(
      () => createComment(moderator, hidden.id, { body: "Waarom verborgen" }),
      (created) => ({ type: "comment.created", claimId: hidden.id, commentId: created.id, ...moderators }),
    );
    await expectOneEvent(() => updateComment(moderator, comment.id, { body: "Daarom" }), () => ({ type: "comment.updated", commentId: comment.id, ...moderators }));
    await expectOneEvent(() => deleteComment(owner, comment.id), () => ({ type: "comment.deleted", commentId: comment.id, ...moderators }));

    const privateClaim = await createClaim(author, team.documentId, claimInput("Weinig opties", { visibility: "private" }));
    await expectOneEvent(
      () => createComment(author, privateClaim.id, { body: "Notitie voor mezelf" }),
      (created) => ({ type: "comment.created", claimId: privateClaim.id, commentId: created.id, audience: "USER", audienceUserId: author.userId }),
    );
  });

  it("tags: create, update, delete are team-wide (no document)", async () => {
    const tag = await expectOneEvent(
      () => createTag(owner, team.teamId, createTagInputSchema.parse({ name: "economie", color: "#15803d" })),
      (created) => ({ type: "tag.created", documentId: null, claimId: null, commentId: null, tagId: created.id, actorId: owner.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => updateTag(moderator, tag.id, { name: "Economie" }),
      () => ({ type: "tag.updated", documentId: null, tagId: tag.id, actorId: moderator.userId, ...teamAudience }),
    );
    await expectOneEvent(
      () => deleteTag(owner, tag.id),
      () => ({ type: "tag.deleted", documentId: null, tagId: tag.id, actorId: owner.userId, ...teamAudience }),
    );
  });

  it("numbers each team's events 1, 2, 3 … without gaps, independently of other teams", async () => {
    const otherHead = await unsafeReadTeamHead(otherTeam.teamId);
    await expectOneEvent(
      () => createClaim(outsider, otherTeam.documentId, claimInputFor(otherTeam.documentText, "Weinig opties")),
      () => ({ seq: otherHead + 1 }),
      otherTeam.teamId,
    );
    const events = await unsafeReadTeamEvents(team.teamId);
    expect(events.length).toBeGreaterThan(20);
    expectContiguous(events, 1);
    expect(await unsafeReadTeamHead(team.teamId)).toBe(events.length);
  });
});

describe("the event commits or rolls back with its change", () => {
  it("hiding an already hidden claim is a 409 and appends nothing", async () => {
    const claim = await createClaim(author, team.documentId, claimInput("Weinig opties"));
    await hideClaim(moderator, claim.id, hide);
    await expectNoEvent(() => hideClaim(owner, claim.id, hide), "conflict");
    await unhideClaim(moderator, claim.id);
    await expectNoEvent(() => unhideClaim(owner, claim.id), "conflict");
  });

  it("of two moderators hiding at once, the loser's transaction rolls back without an event", async () => {
    const claim = await createClaim(author, team.documentId, claimInput("Weinig opties"));
    const head = await unsafeReadTeamHead(team.teamId);
    const results = await Promise.allSettled([hideClaim(moderator, claim.id, hide), hideClaim(owner, claim.id, hide)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const events = await unsafeReadTeamEvents(team.teamId, head);
    expect(events).toEqual([expect.objectContaining({ seq: head + 1, type: "claim.hidden", claimId: claim.id })]);
  });

  it("a tag name clash (409 inside the transaction) appends nothing", async () => {
    await expectNoEvent(() => createTag(owner, team.teamId, createTagInputSchema.parse({ name: "MILITARY", color: "#15803d" })), "conflict");
  });

  it("a transaction that fails after appending leaves no event, no number used, and no notification", async () => {
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    const notifications: string[] = [];
    listener.on("notification", (message) => notifications.push(message.payload ?? ""));
    await listener.connect();
    try {
      await listener.query(`LISTEN ${liveEventChannel}`);
      const head = await unsafeReadTeamHead(team.teamId);
      const forced = new Error("forced failure");
      await expect(
        getDb().$transaction(async (tx) => {
          const seq = await unsafeAppendLiveEvent(tx, {
            teamId: team.teamId,
            documentId: team.documentId,
            type: "claim.updated",
            claimId: null,
            actorId: author.userId,
            audience: { audience: "TEAM", audienceUserId: null },
          });
          expect(seq).toBe(head + 1);
          throw forced;
        }),
      ).rejects.toBe(forced);
      expect(await unsafeReadTeamEvents(team.teamId, head)).toEqual([]);
      expect(await unsafeReadTeamHead(team.teamId)).toBe(head);

      // The single-statement form (createClaim's): a statement failing after the CTEs rolls them back too.
      const failing = `WITH ${liveEventCtes({
        teamId: "$1::uuid",
        documentId: "NULL",
        type: "'tag.updated'",
        claimId: "NULL",
        commentId: "NULL",
        tagId: "NULL",
        actorId: "$2::uuid",
        audience: `'TEAM'::"LiveAudience"`,
        audienceUserId: "NULL",
      })}, notified AS (${notifyAppendedLiveEventSql}) SELECT 1 / (seq - seq) FROM notified`;
      await expect(getPool().query(failing, [team.teamId, owner.userId])).rejects.toMatchObject({ code: "22012" });
      expect(await unsafeReadTeamHead(team.teamId)).toBe(head);

      // The next change takes the very next number, and only its notification arrives.
      const claim = await expectOneEvent(
        () => createClaim(author, team.documentId, claimInput("Weinig opties")),
        (created) => ({ seq: head + 1, claimId: created.id }),
      );
      await expect.poll(() => notifications, { timeout: 5_000 }).toContain(`${team.teamId}:${head + 1}`);
      expect(notifications.filter((payload) => payload.startsWith(`${team.teamId}:`))).toEqual([`${team.teamId}:${head + 1}`]);
      expect(claim.id).toEqual(expect.any(String));
    } finally {
      await listener.end();
    }
  });
});

describe("concurrent writers", () => {
  it("50 claims created in parallel get 50 contiguous numbers, one event each", async () => {
    const head = await unsafeReadTeamHead(team.teamId);
    const claims = await Promise.all(Array.from({ length: 50 }, () => createClaim(author, team.documentId, claimInput("Weinig opties"))));
    const events = await unsafeReadTeamEvents(team.teamId, head);
    expect(events).toHaveLength(50);
    expectContiguous(events, head + 1);
    expect(events.every((event) => event.type === "claim.created")).toBe(true);
    expect(events.map((event) => event.claimId).sort()).toEqual(claims.map((claim) => claim.id).sort());
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head + 50);
  });

  it("claims, comments and tags written at once share one gapless sequence", async () => {
    const claim = await createClaim(author, team.documentId, claimInput("Weinig opties"));
    const head = await unsafeReadTeamHead(team.teamId);
    await Promise.all([
      ...Array.from({ length: 15 }, () => createClaim(colleague, team.documentId, claimInput("Weinig opties"))),
      ...Array.from({ length: 15 }, (_, index) => createComment(colleague, claim.id, { body: `Opmerking ${index}` })),
      ...Array.from({ length: 5 }, (_, index) => createTag(owner, team.teamId, createTagInputSchema.parse({ name: `parallel ${index}`, color: "#15803d" }))),
    ]);
    const events = await unsafeReadTeamEvents(team.teamId, head);
    expect(events).toHaveLength(35);
    expectContiguous(events, head + 1);
    const counts = Object.fromEntries(["claim.created", "comment.created", "tag.created"].map((type) => [type, events.filter((event) => event.type === type).length]));
    expect(counts).toEqual({ "claim.created": 15, "comment.created": 15, "tag.created": 5 });
  });
});

describe("reading the log", () => {
  it("reads a team's events in numeric order, page by page, across 9 → 10 → 100", async () => {
    const reading = await unsafeCreateTeamWithArticle([[owner, "OWNER"]], "Reading");
    await unsafeAppendEventsSilently(reading.teamId, reading.documentId, owner.userId, 120);
    const firstPage = await unsafeReadLiveEvents(reading.teamId, 0, 50);
    expect(firstPage.map((event) => event.seq)).toEqual(seqRange(1, 50));
    expect((await unsafeReadLiveEvents(reading.teamId, 95, 50)).map((event) => event.seq)).toEqual(seqRange(96, 120));
    expect(await unsafeReadLiveEvents(reading.teamId, 120, 50)).toEqual([]);
    expect(firstPage[0]).toEqual({
      teamId: reading.teamId,
      seq: 1,
      documentId: reading.documentId,
      type: "claim.updated",
      claimId: expect.any(String),
      commentId: null,
      tagId: null,
      actorId: owner.userId,
      audience: "TEAM",
      audienceUserId: null,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/u),
    });
    // Another team's events are not mixed in.
    expect((await unsafeReadLiveEvents(team.teamId, 0, 500)).every((event) => event.teamId === team.teamId)).toBe(true);
  });

  it("gives each team's head, 0 for a team without events", async () => {
    const quiet = await unsafeCreateTeamWithArticle([[owner, "OWNER"]], "Quiet");
    const heads = await unsafeGetLiveHeads([team.teamId, quiet.teamId]);
    expect(heads).toEqual(new Map([[team.teamId, await unsafeReadTeamHead(team.teamId)], [quiet.teamId, 0]]));
  });
});

/**
 * The live stream end to end on the server: the real route handler (session cookie → actor → lib/realtime) over
 * real PostgreSQL, its Server-Sent Events read as a browser would. Who may open it, live delivery of changes made
 * through the services, presence, replay on reconnect (exactly once, in order, also while writes are happening),
 * who receives what, revocation, and delivery of changes committed by other connections and app instances.
 */
import { randomUUID } from "node:crypto";

import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { revokeAllSessionsForActor, revokeSessionForActor } from "@/lib/auth/sessions";
import { createClaim, hideClaim, updateClaim } from "@/lib/claims/service";
import { liveEventCtes, notifyAppendedLiveEventSql } from "@/lib/realtime/event-log";
import { getLiveHub, liveStreamLimits, shutDownLiveHub, type StreamSink } from "@/lib/realtime/hub";
import { liveReadySchema, livePresenceSchema, type LivePresence } from "@/lib/realtime/schema";
import { createTagInputSchema } from "@/lib/tags/schema";
import { createTag, deleteTag, updateTag } from "@/lib/tags/service";
import { changeMemberRole, deleteTeam, removeMember } from "@/lib/teams/service";
import { claimInputFor } from "@/lib/testing/claim-input";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateDocument,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";
import {
  closeLiveStreams,
  openLiveStream,
  requestLiveStream,
  seqRange,
  unsafeAppendEventsSilently,
  unsafeReadTeamHead,
  type SseReader,
} from "@/lib/testing/live";
import { createComment, hideComment } from "@/lib/threads/service";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;
/** A second document of `team`. */
let secondDocumentId: string;
let otherTeam: TestTeam;

const hide = { reason: "Off-topic" };
/** After a marker event that a stream did receive, how long to wait before asserting something else did not arrive. */
const settleMs = 500;
/** The hub re-checks access every 2 s; revocation must land well within this. */
const revocationWaitMs = 6_000;

function claimInput(needle = "Weinig opties", options: { visibility?: "team" | "private"; tags?: string[] } = {}) {
  return claimInputFor(team.documentText, needle, options);
}

function readyOf(stream: SseReader) {
  return stream.waitFor("ready").then((message) => liveReadySchema.parse(JSON.parse(message.data)));
}

function seqsOf(stream: SseReader): number[] {
  return stream.changes().map((change) => change.seq);
}

/** Waits for a marker change, then lets anything sent before it settle, so absences can be asserted. */
async function settleAfter(streams: SseReader[], claimId: string): Promise<void> {
  await Promise.all(streams.map((stream) => stream.waitForChange((change) => change.claimId === claimId, `the marker claim ${claimId}`)));
  await new Promise((resolve) => setTimeout(resolve, settleMs));
}

/** A team claim by the owner: every member's stream receives it. */
async function createMarker(): Promise<string> {
  return (await createClaim(owner, team.documentId, claimInput("Het Turkse optreden"))).id;
}

function viewerIds(presence: LivePresence): string[] {
  return presence.viewers.map((entry) => entry.userId).sort();
}

/** Waits until the stream's latest presence lists exactly `users`. */
function waitForViewers(stream: SseReader, users: TestUser[], timeoutMs?: number): Promise<LivePresence> {
  const expected = users.map((user) => user.userId).sort();
  return stream.until(
    () => {
      const latest = stream.dataOf("presence").at(-1);
      if (!latest) return undefined;
      const presence = livePresenceSchema.parse(latest);
      return JSON.stringify(viewerIds(presence)) === JSON.stringify(expected) ? presence : undefined;
    },
    `presence of exactly ${users.map((user) => user.name).join(", ")}`,
    timeoutMs,
  );
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
  secondDocumentId = await unsafeCreateDocument(team.teamId);
  otherTeam = await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
});

afterEach(closeLiveStreams);

afterAll(async () => {
  await closeLiveStreams();
  await shutDownLiveHub();
  await disconnectTestDb();
});

describe("opening the stream", () => {
  it("requires authentication (401)", async () => {
    const { response } = await requestLiveStream(null, team.documentId);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthenticated" } });
  });

  it.each([
    { what: "a non-member, for a real document", user: () => outsider, documentId: () => team.documentId },
    { what: "a member, for another team's document", user: () => author, documentId: () => otherTeam.documentId },
    { what: "an unknown id", user: () => author, documentId: () => randomUUID() },
    { what: "a malformed id", user: () => author, documentId: () => "nope" },
    { what: "an injection attempt", user: () => author, documentId: () => "' OR 1=1 --" },
  ])("is the document's 404 for $what", async ({ user, documentId }) => {
    const { response } = await requestLiveStream(user(), documentId());
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it.each([
    { lastEventId: "-1" },
    { lastEventId: "abc" },
    { lastEventId: "1.5" },
    { lastEventId: "9007199254740993" },
    { after: "-3" },
    { after: "x" },
  ])("refuses a bad cursor %o with 400", async (cursor) => {
    const { response } = await requestLiveStream(author, team.documentId, cursor);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "bad_request" } });
  });

  it(`refuses a user's stream beyond ${liveStreamLimits.maxStreamsPerUser} open ones with 429, and takes it again once one closes`, async () => {
    const streams = [];
    for (let index = 0; index < liveStreamLimits.maxStreamsPerUser; index += 1) streams.push(await openLiveStream(colleague, team.documentId));
    const refused = await requestLiveStream(colleague, team.documentId);
    expect(refused.response.status).toBe(429);
    expect(await refused.response.json()).toMatchObject({ error: { code: "rate_limited" } });
    // Another user is not affected.
    await readyOf(await openLiveStream(author, team.documentId));
    await streams[0]!.close();
    await expect.poll(async () => {
      const { response, abortController } = await requestLiveStream(colleague, team.documentId);
      abortController.abort();
      return response.status;
    }).toBe(200);
  });

  it("lets every role of the team in: `ready` at the team's current number, then presence", async () => {
    await createClaim(author, team.documentId, claimInput());
    const head = await unsafeReadTeamHead(team.teamId);
    for (const user of [viewer, author, moderator, owner]) {
      const stream = await openLiveStream(user, team.documentId);
      const ready = await readyOf(stream);
      expect(ready.seq).toBe(head);
      expect(ready.connectionId).toEqual(expect.any(String));
      await stream.waitFor("presence");
      expect(stream.changes()).toEqual([]);
    }
  });
});

describe("live delivery", () => {
  it("sends each change made through the services once, in order, with ids only", async () => {
    const stream = await openLiveStream(colleague, team.documentId);
    const { seq: start } = await readyOf(stream);
    const claim = await createClaim(author, team.documentId, claimInput("Weinig opties", { tags: ["diplomatic"] }));
    const comment = await createComment(colleague, claim.id, { body: "Bron?" });
    await updateClaim(author, claim.id, { tags: ["military"] });
    await hideComment(moderator, comment.id, hide);
    const tag = await createTag(owner, team.teamId, createTagInputSchema.parse({ name: "live", color: "#15803d" }));
    await updateTag(owner, tag.id, { color: "#b91c1c" });
    await deleteTag(owner, tag.id);
    await hideClaim(moderator, claim.id, hide);
    await stream.waitForSeq(start + 8);
    const changes = stream.changes();
    expect(changes.map((change) => change.seq)).toEqual(seqRange(start + 1, start + 8));
    expect(changes.map((change) => change.type)).toEqual([
      "claim.created",
      "comment.created",
      "claim.updated",
      "comment.hidden",
      "tag.created",
      "tag.updated",
      "tag.deleted",
      "claim.hidden",
    ]);
    expect(changes[0]).toEqual({
      seq: start + 1,
      type: "claim.created",
      documentId: team.documentId,
      claimId: claim.id,
      commentId: null,
      tagId: null,
      actorId: author.userId,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/u),
    });
    expect(changes[1]).toMatchObject({ claimId: claim.id, commentId: comment.id, actorId: colleague.userId });
    expect(changes[4]).toMatchObject({ documentId: null, claimId: null, tagId: tag.id });
    // Content never travels on the stream.
    expect(stream.messages.map((message) => message.data).join("\n")).not.toContain("Bron?");
  });

  it("presence lists the viewers, one entry per person, and drops those who leave", async () => {
    const documentId = await unsafeCreateDocument(team.teamId, "Presence");
    const first = await openLiveStream(author, documentId);
    await waitForViewers(first, [author]);
    const second = await openLiveStream(colleague, documentId);
    const secondTab = await openLiveStream(colleague, documentId);
    const presence = await waitForViewers(first, [author, colleague]);
    expect(presence.viewers).toHaveLength(2);
    expect(presence.viewers).toContainEqual({ userId: colleague.userId, name: colleague.name });
    await waitForViewers(secondTab, [author, colleague]);
    await second.close();
    // Still there: another tab of the same person is open.
    await secondTab.waitFor("presence", () => true, undefined, secondTab.messages.length);
    await waitForViewers(first, [author, colleague]);
    await secondTab.close();
    await waitForViewers(first, [author]);
  });

  it("a long replay arrives whole (not cut off as a slow client), and presence follows promptly", async () => {
    const { teamId, documentId } = await unsafeCreateTeamWithArticle([[author, "MEMBER"], [owner, "OWNER"]], "Replay presence");
    await unsafeAppendEventsSilently(teamId, documentId, owner.userId, 4_000);
    const stream = await openLiveStream(author, documentId, { lastEventId: 0 });
    await readyOf(stream);
    expect(stream.changes()).toHaveLength(4_000);
    // Well before the 10 s periodic re-broadcast.
    await waitForViewers(stream, [author], 3_000);
  });
});

describe("replay on reconnect", () => {
  async function makeChanges(count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) ids.push((await createClaim(author, team.documentId, claimInput())).id);
    return ids;
  }

  it.each([
    { how: "Last-Event-ID, from the log", cursor: (k: number) => ({ lastEventId: k }), warm: false },
    { how: "?after=, from the log", cursor: (k: number) => ({ after: k }), warm: false },
    { how: "Last-Event-ID, from memory", cursor: (k: number) => ({ lastEventId: k }), warm: true },
  ])("with $how: exactly k+1..n once, in order, then `ready` at n", async ({ cursor, warm }) => {
    // A stream already open keeps the team's recent events in this instance's memory.
    const keeper = warm ? await openLiveStream(owner, team.documentId) : null;
    if (keeper) await readyOf(keeper);
    const k = await unsafeReadTeamHead(team.teamId);
    const claimIds = await makeChanges(6);
    const n = k + 6;
    if (keeper) await keeper.waitForSeq(n);
    const stream = await openLiveStream(colleague, team.documentId, cursor(k));
    const ready = await readyOf(stream);
    expect(ready.seq).toBe(n);
    const readyIndex = stream.messages.findIndex((message) => message.event === "ready");
    const replayed = stream.messages.slice(0, readyIndex).filter((message) => message.event === "change");
    expect(replayed.map((message) => Number(message.id))).toEqual(seqRange(k + 1, n));
    expect(stream.changes().map((change) => change.claimId)).toEqual(claimIds);
    // And then live, without repeating anything.
    const marker = await createMarker();
    await stream.waitForChange((change) => change.claimId === marker);
    expect(seqsOf(stream)).toEqual(seqRange(k + 1, n + 1));
  });

  it.each([{ warm: false }, { warm: true }])(
    "streams opened while others write (warm: $warm) get every later event exactly once",
    async ({ warm }) => {
      const keeper = warm ? await openLiveStream(owner, team.documentId) : null;
      if (keeper) await readyOf(keeper);
      const start = await unsafeReadTeamHead(team.teamId);
      const writers = Array.from({ length: 4 }, () => makeChanges(12));
      // Open streams at different moments of the burst, each from the head it read (as the document page does),
      // and one from "now".
      const streams: { stream: SseReader; after: number | null }[] = [];
      for (let index = 0; index < 5; index += 1) {
        const after = await unsafeReadTeamHead(team.teamId);
        streams.push({ stream: await openLiveStream(colleague, team.documentId, { after }), after });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      streams.push({ stream: await openLiveStream(colleague, team.documentId), after: null });
      await Promise.all(writers);
      const end = await unsafeReadTeamHead(team.teamId);
      expect(end).toBe(start + 48);
      for (const { stream, after } of streams) {
        const ready = await readyOf(stream);
        if (end > ready.seq) await stream.waitForSeq(end);
        const context = `stream after ${after}, ready at ${ready.seq}, writes ${start + 1}..${end}:\n${stream.describe()}`;
        expect(stream.dataOf("reset"), context).toEqual([]);
        const seqs = seqsOf(stream);
        // From a cursor: everything after it. From "now": everything after some point no later than `ready`.
        const from = after ?? Math.min(ready.seq, (seqs[0] ?? end + 1) - 1);
        expect(seqs, context).toEqual(seqRange(from + 1, end));
      }
    },
  );

  it("a client over 5,000 events behind gets `reset` instead of a replay", async () => {
    const { teamId, documentId } = await unsafeCreateTeamWithArticle([[author, "OWNER"]], "Far behind");
    const head = await unsafeAppendEventsSilently(teamId, documentId, author.userId, 5_100);
    const stream = await openLiveStream(author, documentId, { lastEventId: 10 });
    const ready = await readyOf(stream);
    expect(ready.seq).toBe(head);
    expect(stream.dataOf("reset")).toEqual([{ seq: head }]);
    expect(stream.changes()).toEqual([]);
    // Exactly at the limit it still replays.
    const close = await openLiveStream(author, documentId, { lastEventId: head - 5_000 });
    expect((await readyOf(close)).seq).toBe(head);
    expect(close.dataOf("reset")).toEqual([]);
    expect(seqsOf(close)).toEqual(seqRange(head - 4_999, head));
  });

  it("a cursor older than the pruned log gets `reset` instead of a replay with a hole", async () => {
    const { teamId, documentId } = await unsafeCreateTeamWithArticle([[author, "OWNER"]], "Pruned");
    const head = await unsafeAppendEventsSilently(teamId, documentId, author.userId, 20);
    await getTestDb().liveEvent.deleteMany({ where: { teamId, seq: { lte: 10 } } });
    const stream = await openLiveStream(author, documentId, { lastEventId: 5 });
    expect((await readyOf(stream)).seq).toBe(head);
    expect(stream.dataOf("reset")).toEqual([{ seq: head }]);
    expect(stream.changes()).toEqual([]);
    // From a cursor the log still covers, the replay goes on as usual.
    const covered = await openLiveStream(author, documentId, { lastEventId: 10 });
    expect((await readyOf(covered)).seq).toBe(head);
    expect(covered.dataOf("reset")).toEqual([]);
    expect(seqsOf(covered)).toEqual(seqRange(11, head));
  });

  it("a cursor beyond the log's head gets `reset` to the head", async () => {
    const head = await unsafeReadTeamHead(team.teamId);
    const stream = await openLiveStream(author, team.documentId, { lastEventId: head + 1_000 });
    expect((await readyOf(stream)).seq).toBe(head);
    expect(stream.dataOf("reset")).toEqual([{ seq: head }]);
  });

  it("a cursor this instance has not read yet (notification still on its way) is not mistaken for the future", async () => {
    const keeper = await openLiveStream(owner, team.documentId);
    await readyOf(keeper);
    // Committed, but this instance has not been told: like a change on another instance whose NOTIFY is late.
    const head = await unsafeAppendEventsSilently(team.teamId, team.documentId, owner.userId, 3);
    const stream = await openLiveStream(colleague, team.documentId, { after: head });
    expect((await readyOf(stream)).seq).toBe(head);
    expect(stream.dataOf("reset")).toEqual([]);
    const marker = await createMarker();
    await stream.waitForChange((change) => change.claimId === marker);
    expect(seqsOf(stream)).toEqual([head + 1]);
    // The keeper, meanwhile, gets the silent ones too (the periodic head check), and the marker once.
    await keeper.waitForSeq(head + 1);
    expect(seqsOf(keeper)).toEqual(seqRange(head - 2, head + 1));
  });
});

describe("who receives what", () => {
  it("a private claim's events reach only its author's streams", async () => {
    const [authorStream, colleagueStream, moderatorStream, ownerStream] = await Promise.all([
      openLiveStream(author, team.documentId),
      openLiveStream(colleague, team.documentId),
      openLiveStream(moderator, team.documentId),
      openLiveStream(owner, team.documentId),
    ]);
    await Promise.all([authorStream, colleagueStream, moderatorStream, ownerStream].map(readyOf));
    const privateClaim = await createClaim(author, team.documentId, claimInput("Weinig opties", { visibility: "private" }));
    await updateClaim(author, privateClaim.id, { tags: ["military"] });
    const marker = await createMarker();
    await settleAfter([authorStream, colleagueStream, moderatorStream, ownerStream], marker);
    expect(authorStream.changes().filter((change) => change.claimId === privateClaim.id).map((change) => change.type)).toEqual([
      "claim.created",
      "claim.updated",
    ]);
    for (const stream of [colleagueStream, moderatorStream, ownerStream]) {
      expect(stream.changes().map((change) => change.claimId)).toEqual([marker]);
    }
    // Sharing it with the team tells everyone.
    await updateClaim(author, privateClaim.id, { visibility: "team" });
    await colleagueStream.waitForChange((change) => change.claimId === privateClaim.id && change.type === "claim.updated");
  });

  it("comments on a hidden claim reach only moderators' and owners' streams", async () => {
    const claim = await createClaim(author, team.documentId, claimInput());
    await hideClaim(moderator, claim.id, hide);
    const [authorStream, colleagueStream, viewerStream, moderatorStream, ownerStream] = await Promise.all([
      openLiveStream(author, team.documentId),
      openLiveStream(colleague, team.documentId),
      openLiveStream(viewer, team.documentId),
      openLiveStream(moderator, team.documentId),
      openLiveStream(owner, team.documentId),
    ]);
    const streams = [authorStream, colleagueStream, viewerStream, moderatorStream, ownerStream];
    await Promise.all(streams.map(readyOf));
    const comment = await createComment(moderator, claim.id, { body: "Intern overleg" });
    const marker = await createMarker();
    await settleAfter(streams, marker);
    for (const stream of [moderatorStream, ownerStream]) {
      expect(stream.changes().map((change) => [change.type, change.commentId ?? change.claimId])).toEqual([
        ["comment.created", comment.id],
        ["claim.created", marker],
      ]);
    }
    for (const stream of [authorStream, colleagueStream, viewerStream]) expect(stream.changes().map((change) => change.claimId)).toEqual([marker]);
  });

  it("a member promoted to moderator starts receiving the hidden claim's discussion (role re-checked)", async () => {
    const [promoted] = await unsafeCreateUsers("Promoted");
    await getTestDb().membership.create({ data: { teamId: team.teamId, userId: promoted.userId, role: "MEMBER" } });
    const claim = await createClaim(author, team.documentId, claimInput());
    await hideClaim(moderator, claim.id, hide);
    const stream = await openLiveStream(promoted, team.documentId);
    await readyOf(stream);
    await changeMemberRole(owner, team.teamId, promoted.userId, { role: "MODERATOR" });
    // The role is re-read every 2 s: keep commenting until one arrives.
    const deadline = Date.now() + revocationWaitMs;
    const commentIds = new Set<string>();
    while (!stream.changes().some((change) => change.commentId && commentIds.has(change.commentId))) {
      if (Date.now() > deadline) throw new Error(`No moderators-only event reached the promoted member:\n${stream.describe()}`);
      commentIds.add((await createComment(moderator, claim.id, { body: "Nog eens" })).id);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });

  it("tag changes reach the streams of every document of the team; claims only their own document's", async () => {
    const first = await openLiveStream(colleague, team.documentId);
    const second = await openLiveStream(colleague, secondDocumentId);
    await Promise.all([readyOf(first), readyOf(second)]);
    const tag = await createTag(owner, team.teamId, createTagInputSchema.parse({ name: "overal", color: "#15803d" }));
    const onSecond = await createClaim(author, secondDocumentId, claimInputFor(team.documentText, "Weinig opties"));
    const marker = await createMarker();
    await second.waitForChange((change) => change.claimId === onSecond.id);
    await settleAfter([first], marker);
    expect(first.changes().map((change) => change.tagId ?? change.claimId)).toEqual([tag.id, marker]);
    expect(second.changes().map((change) => change.tagId ?? change.claimId)).toEqual([tag.id, onSecond.id]);
    expect(second.changes()[0]).toMatchObject({ type: "tag.created", documentId: null });
  });

  it("another team's stream receives nothing of this team", async () => {
    const foreign = await openLiveStream(outsider, otherTeam.documentId);
    await readyOf(foreign);
    await createClaim(author, team.documentId, claimInput());
    await createTag(owner, team.teamId, createTagInputSchema.parse({ name: "elders", color: "#15803d" }));
    const marker = await createClaim(outsider, otherTeam.documentId, claimInputFor(otherTeam.documentText, "Weinig opties"));
    await settleAfter([foreign], marker.id);
    expect(foreign.changes().map((change) => change.claimId)).toEqual([marker.id]);
    expect(foreign.changes()[0]!.seq).toBe(await unsafeReadTeamHead(otherTeam.teamId));
  });
});

describe("revocation", () => {
  /** Asserts `stream` was revoked, then ended, with no change after the `revoked` message. */
  async function expectRevoked(stream: SseReader): Promise<void> {
    await stream.waitFor("revoked", () => true, revocationWaitMs);
    await stream.waitForEnd(1_000);
    const revokedIndex = stream.messages.findIndex((message) => message.event === "revoked");
    expect(revokedIndex).toBe(stream.messages.length - 1);
    expect(JSON.parse(stream.messages[revokedIndex]!.data)).toEqual({ reason: expect.any(String) });
  }

  it("a removed member's stream gets `revoked` and ends within 5 s; the others carry on", async () => {
    const [leaver] = await unsafeCreateUsers("Leaver");
    await getTestDb().membership.create({ data: { teamId: team.teamId, userId: leaver.userId, role: "MEMBER" } });
    const leaverStream = await openLiveStream(leaver, team.documentId);
    const authorStream = await openLiveStream(author, team.documentId);
    await Promise.all([readyOf(leaverStream), readyOf(authorStream)]);
    await waitForViewers(authorStream, [author, leaver]);
    const removedAt = Date.now();
    await removeMember(owner, team.teamId, leaver.userId);
    // Keep changing things while the hub notices.
    const writing = (async () => {
      while (!leaverStream.hasEnded && Date.now() - removedAt < revocationWaitMs) {
        await createClaim(author, team.documentId, claimInput());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await expectRevoked(leaverStream);
    expect(Date.now() - removedAt).toBeLessThan(5_000);
    await writing;
    const afterRevocation = await createMarker();
    await authorStream.waitForChange((change) => change.claimId === afterRevocation);
    expect(leaverStream.changes().some((change) => change.claimId === afterRevocation)).toBe(false);
    await waitForViewers(authorStream, [author]);
    // And it cannot come back.
    const { response } = await requestLiveStream(leaver, team.documentId);
    expect(response.status).toBe(404);
  });

  it("signing out everywhere revokes every stream of the user", async () => {
    const [leaving] = await unsafeCreateUsers("Signing out");
    await getTestDb().membership.create({ data: { teamId: team.teamId, userId: leaving.userId, role: "MEMBER" } });
    const otherSession = await getTestDb().session.create({ data: { userId: leaving.userId, expiresAt: new Date(Date.now() + 3600_000) } });
    const streams = [
      await openLiveStream(leaving, team.documentId),
      await openLiveStream({ userId: leaving.userId, sessionId: otherSession.id }, secondDocumentId),
    ];
    await Promise.all(streams.map(readyOf));
    const revokedAt = Date.now();
    expect(await revokeAllSessionsForActor(leaving)).toBe(2);
    await Promise.all(streams.map(expectRevoked));
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    const { response } = await requestLiveStream(leaving, team.documentId);
    expect(response.status).toBe(401);
  });

  it("deleting the team revokes its streams", async () => {
    const doomed = await unsafeCreateTeamWithArticle([[owner, "OWNER"], [colleague, "MEMBER"]], "Doomed");
    const streams = [await openLiveStream(owner, doomed.documentId), await openLiveStream(colleague, doomed.documentId)];
    await Promise.all(streams.map(readyOf));
    const { name } = await getTestDb().team.findUniqueOrThrow({ where: { id: doomed.teamId }, select: { name: true } });
    await deleteTeam(owner, doomed.teamId, { confirmName: name });
    await Promise.all(streams.map(expectRevoked));
  });

  it("ending one session revokes that session's stream only", async () => {
    const [user] = await unsafeCreateUsers("Two browsers");
    await getTestDb().membership.create({ data: { teamId: team.teamId, userId: user.userId, role: "MEMBER" } });
    const laptop = await getTestDb().session.create({ data: { userId: user.userId, expiresAt: new Date(Date.now() + 3600_000) } });
    const phoneStream = await openLiveStream(user, team.documentId);
    const laptopStream = await openLiveStream({ userId: user.userId, sessionId: laptop.id }, team.documentId);
    await Promise.all([readyOf(phoneStream), readyOf(laptopStream)]);
    await revokeSessionForActor(user, laptop.id);
    await expectRevoked(laptopStream);
    const marker = await createMarker();
    await phoneStream.waitForChange((change) => change.claimId === marker);
    expect(phoneStream.hasEnded).toBe(false);
  });
});

describe("changes from other connections and instances", () => {
  it("a dropped LISTEN connection is replaced, and nothing is lost meanwhile", async () => {
    const stream = await openLiveStream(colleague, team.documentId);
    const { seq: start } = await readyOf(stream);
    // The hub's private LISTEN client: its backend is what PostgreSQL (or a failover) would cut.
    const hub = getLiveHub() as unknown as { listener: pg.Client | null };
    const pid = (hub.listener as (pg.Client & { processID?: number }) | null)?.processID;
    expect(pid).toEqual(expect.any(Number));
    const silenced = console.error;
    console.error = () => {};
    try {
      await getTestDb().$queryRawUnsafe("SELECT pg_terminate_backend($1::int)", pid);
      const during = await createMarker();
      await stream.waitForChange((change) => change.claimId === during);
      await expect
        .poll(() => (hub.listener as (pg.Client & { processID?: number }) | null)?.processID, { timeout: 8_000 })
        .toSatisfy((next) => typeof next === "number" && next !== pid);
    } finally {
      console.error = silenced;
    }
    const after = await createMarker();
    await stream.waitForChange((change) => change.claimId === after);
    expect(seqsOf(stream)).toEqual(seqRange(start + 1, start + 2));
  });

  it("a change committed on another connection arrives on commit, not before", async () => {
    const stream = await openLiveStream(colleague, team.documentId);
    await readyOf(stream);
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query("BEGIN");
      const statement = `WITH ${liveEventCtes({
        teamId: "$1::uuid",
        documentId: "$2::uuid",
        type: "'claim.updated'",
        claimId: "$3::uuid",
        commentId: "NULL",
        tagId: "NULL",
        actorId: "$4::uuid",
        audience: `'TEAM'::"LiveAudience"`,
        audienceUserId: "NULL",
      })} ${notifyAppendedLiveEventSql}`;
      const claimId = randomUUID();
      const { rows } = await other.query<{ seq: string }>(statement, [team.teamId, team.documentId, claimId, owner.userId]);
      const seq = Number(rows[0]!.seq);
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      expect(stream.changes()).toEqual([]);
      await other.query("COMMIT");
      const change = await stream.waitForChange((candidate) => candidate.claimId === claimId);
      expect(change.seq).toBe(seq);
    } finally {
      await other.end();
    }
  });

  it("a lost notification is recovered by the periodic head check", async () => {
    const stream = await openLiveStream(colleague, team.documentId);
    const { seq: start } = await readyOf(stream);
    const head = await unsafeAppendEventsSilently(team.teamId, team.documentId, owner.userId, 2);
    await stream.waitForSeq(head, 4_000);
    expect(seqsOf(stream)).toEqual(seqRange(start + 1, head));
  });

  it("two hubs on one database both deliver a change, and see each other's viewers", async () => {
    const globalForLive = globalThis as unknown as { marginLiveHub?: ReturnType<typeof getLiveHub> };
    const hubA = getLiveHub();
    delete globalForLive.marginLiveHub;
    const hubB = getLiveHub();
    globalForLive.marginLiveHub = hubA;
    expect(hubB).not.toBe(hubA);

    const received: { event: string; data: string; id?: number }[] = [];
    let isEnded = false;
    const sink: StreamSink = {
      write(event, data, id) {
        received.push({ event, data, id });
        return true;
      },
      end() {
        isEnded = true;
      },
    };
    const streamA = await openLiveStream(author, team.documentId);
    await readyOf(streamA);
    const grant = { connectionId: randomUUID(), sessionId: colleague.sessionId, userId: colleague.userId, teamId: team.teamId, documentId: team.documentId };
    const { close } = await hubB.open(grant, "MEMBER", null, sink);
    try {
      expect(received.map((message) => message.event)).toEqual(["ready"]);
      const claim = await createClaim(owner, team.documentId, claimInput());
      await streamA.waitForChange((change) => change.claimId === claim.id);
      await expect
        .poll(() => received.filter((message) => message.event === "change").map((message) => JSON.parse(message.data).claimId), { timeout: 5_000 })
        .toEqual([claim.id]);
      await waitForViewers(streamA, [author, colleague]);
      await expect
        .poll(() => {
          const presence = received.filter((message) => message.event === "presence").at(-1);
          return presence ? viewerIds(livePresenceSchema.parse(JSON.parse(presence.data))) : [];
        }, { timeout: 5_000 })
        .toEqual([author.userId, colleague.userId].sort());
    } finally {
      close();
      await hubB.shutDown();
    }
    expect(isEnded).toBe(true);
    await waitForViewers(streamA, [author]);
  });
});

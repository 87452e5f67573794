/**
 * `@Name` mentions in comments (lib/threads/mention-notifications.ts) on real PostgreSQL: who is notified, who is
 * ignored without an error, the notification's payload, the live event that reaches the mentioned member alone,
 * and that the comment and its notifications commit or roll back together.
 */
import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { createClaim, hideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { listNotifications } from "@/lib/notifications/service";
import { shutDownLiveHub } from "@/lib/realtime/hub";
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
import { closeLiveStreams, openLiveStream, unsafeReadTeamEvents, unsafeReadTeamHead } from "@/lib/testing/live";
import { createCommentInputSchema } from "@/lib/threads/schema";
import { createComment } from "@/lib/threads/service";

// A pass-through that a test can make fail, to prove the comment and its notifications commit together.
const failures = vi.hoisted(() => ({ notify: false }));
vi.mock("@/lib/notifications/service", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/notifications/service")>();
  return {
    ...original,
    unsafeNotify: async (...args: Parameters<typeof original.unsafeNotify>) => {
      await original.unsafeNotify(...args);
      if (failures.notify) throw new Error("simulated failure after the notification was written");
    },
  };
});

let moderator: TestUser;
let author: TestUser;
let anna: TestUser;
let bob: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;
let claimId: string;

const title = "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand";
const comment = (body: string, mentions?: string[], parentId?: string) => createCommentInputSchema.parse({ body, mentions, parentId });

async function notificationsOf(user: TestUser) {
  return getTestDb().notification.findMany({ where: { userId: user.userId }, orderBy: { createdAt: "asc" }, select: { kind: true, teamId: true, payload: true } });
}

async function countNotifications(): Promise<number> {
  return getTestDb().notification.count({ where: { userId: { in: [moderator, author, anna, bob, viewer, outsider].map((user) => user.userId) } } });
}

/** The events written since `head`, as the tests compare them. */
async function eventsSince(head: number) {
  return (await unsafeReadTeamEvents(team.teamId, head)).map(({ type, documentId, claimId, commentId, actorId, audience, audienceUserId }) => ({
    type,
    documentId,
    claimId,
    commentId,
    actorId,
    audience,
    audienceUserId,
  }));
}

beforeAll(async () => {
  [moderator, author, anna, bob, viewer, outsider] = await unsafeCreateUsers("Mo Derator", "Author", "Anna de Vries", "Bob Test", "Vera Viewer", "Otto Outsider");
  team = await unsafeCreateTeamWithArticle([
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [anna, "MEMBER"],
    [bob, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  claimId = (await createClaim(author, team.documentId, claimInputFor(team.documentText, "Weinig opties"))).id;
});

afterEach(async () => {
  failures.notify = false;
  await closeLiveStreams();
  await getTestDb().notification.deleteMany({ where: { teamId: team.teamId } });
});

afterAll(async () => {
  await closeLiveStreams();
  await shutDownLiveHub();
  await disconnectTestDb();
});

describe("who is notified", () => {
  it("a member whose @Name is in the comment: a notification with who, where and what, and an event for them alone", async () => {
    const head = await unsafeReadTeamHead(team.teamId);
    const created = await createComment(author, claimId, comment("@Anna de Vries, kun jij de bron van dit citaat checken?", [anna.userId]));
    expect(await notificationsOf(anna)).toEqual([
      {
        kind: "comment.mentioned",
        teamId: team.teamId,
        payload: {
          commenterName: "Author",
          documentId: team.documentId,
          documentTitle: title,
          claimId,
          commentId: created.id,
          excerpt: "@Anna de Vries, kun jij de bron van dit citaat checken?",
        },
      },
    ]);
    const { items, unreadCount } = await listNotifications(anna);
    expect(unreadCount).toBe(1);
    expect(items[0]).toMatchObject({ kind: "comment.mentioned", readAt: null, payload: { commenterName: "Author", claimId } });
    expect(await eventsSince(head)).toEqual([
      { type: "comment.created", documentId: team.documentId, claimId, commentId: created.id, actorId: author.userId, audience: "TEAM", audienceUserId: null },
      { type: "notification.created", documentId: null, claimId, commentId: created.id, actorId: author.userId, audience: "USER", audienceUserId: anna.userId },
    ]);
    // Nobody else heard of it.
    expect(await countNotifications()).toBe(1);
  });

  it("several members, each once, also in a reply and by a differently cased name; a viewer too (they may read it)", async () => {
    const first = await createComment(bob, claimId, comment("Eerste"));
    const head = await unsafeReadTeamHead(team.teamId);
    await createComment(author, claimId, comment("@anna de vries en @Vera Viewer, en nog eens @Anna de Vries", [anna.userId, viewer.userId, anna.userId], first.id));
    expect((await notificationsOf(anna)).map((row) => row.kind)).toEqual(["comment.mentioned"]);
    expect((await notificationsOf(viewer)).map((row) => row.kind)).toEqual(["comment.mentioned"]);
    const audiences = (await eventsSince(head)).filter((event) => event.type === "notification.created").map((event) => event.audienceUserId);
    expect(audiences.sort()).toEqual([anna.userId, viewer.userId].sort());
    expect(await countNotifications()).toBe(2);
  });

  it("the excerpt is the comment's opening, collapsed and cut", async () => {
    await createComment(author, claimId, comment(`@Bob Test\n\nkijk   hier: ${"lang ".repeat(40)}`, [bob.userId]));
    const [notification] = await notificationsOf(bob);
    const excerpt = (notification!.payload as { excerpt: string }).excerpt;
    expect(excerpt.startsWith("@Bob Test kijk hier: lang")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(80);
  });
});

describe("who is ignored, without an error", () => {
  it.each([
    { what: "someone outside the team, named in the body", body: "@Otto Outsider kijk mee", ids: () => [outsider.userId] },
    { what: "an id nobody has", body: "@Anna de Vries", ids: () => [randomUUID()] },
    { what: "a member whose name is not in the body", body: "Kan iemand dit checken?", ids: () => [anna.userId] },
    { what: "a member named without the @", body: "Anna de Vries weet het", ids: () => [anna.userId] },
    { what: "a member named in the body but not in `mentions`", body: "@Anna de Vries weet het", ids: () => [bob.userId] },
    { what: "the commenter themself", body: "Notitie voor @Author", ids: () => [author.userId] },
  ])("$what", async ({ body, ids }) => {
    const head = await unsafeReadTeamHead(team.teamId);
    const created = await createComment(author, claimId, comment(body, ids()));
    expect(created.body).toBe(body);
    expect(await countNotifications()).toBe(0);
    expect((await eventsSince(head)).map((event) => event.type)).toEqual(["comment.created"]);
  });

  it("a private claim's discussion reaches only its author: mentioning another member does nothing", async () => {
    const privateClaim = await createClaim(author, team.documentId, claimInputFor(team.documentText, "Het Turkse optreden", { visibility: "private" }));
    const head = await unsafeReadTeamHead(team.teamId);
    await createComment(author, privateClaim.id, comment("@Anna de Vries en @Mo Derator, kijk", [anna.userId, moderator.userId]));
    expect(await countNotifications()).toBe(0);
    expect((await eventsSince(head)).map((event) => event.type)).toEqual(["comment.created"]);
  });

  it("a hidden claim's discussion reaches only moderators and owners: a member mentioned there is not told", async () => {
    const [otherModerator] = await unsafeCreateUsers("Other Moderator");
    await getTestDb().membership.create({ data: { teamId: team.teamId, userId: otherModerator.userId, role: "MODERATOR" } });
    const hidden = await createClaim(author, team.documentId, claimInputFor(team.documentText, "Zaterdagnacht"));
    await hideClaim(moderator, hidden.id, hideInputSchema.parse({ reason: "Dubbel" }));
    await getTestDb().notification.deleteMany({ where: { userId: author.userId } });
    await createComment(moderator, hidden.id, comment("@Anna de Vries en @Other Moderator", [anna.userId, otherModerator.userId]));
    expect(await notificationsOf(anna)).toEqual([]);
    expect((await notificationsOf(otherModerator)).map((row) => row.kind)).toEqual(["comment.mentioned"]);
  });
});

describe("one transaction", () => {
  it("if a notification cannot be written, the comment is not written either", async () => {
    failures.notify = true;
    const before = await getTestDb().comment.count({ where: { claimId } });
    const head = await unsafeReadTeamHead(team.teamId);
    await expect(createComment(author, claimId, comment("@Bob Test kijk", [bob.userId]))).rejects.toThrow("simulated failure");
    expect(await getTestDb().comment.count({ where: { claimId } })).toBe(before);
    expect(await countNotifications()).toBe(0);
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head);
  });
});

describe("the live stream", () => {
  it("brings notification.created to the mentioned member on any document of the team, and to nobody else", async () => {
    const secondDocumentId = await unsafeCreateDocument(team.teamId);
    const annaStream = await openLiveStream(anna, secondDocumentId);
    const bobStream = await openLiveStream(bob, team.documentId);
    await Promise.all([annaStream.waitFor("ready"), bobStream.waitFor("ready")]);
    const created = await createComment(author, claimId, comment("@Anna de Vries, jij weet dit", [anna.userId]));
    const change = await annaStream.waitForChange((event) => event.type === "notification.created", "Anna's notification");
    expect(change).toMatchObject({ documentId: null, claimId, commentId: created.id, actorId: author.userId });
    // Bob sees the comment itself (he reads the document), and no notification of Anna's.
    await bobStream.waitForChange((event) => event.type === "comment.created" && event.commentId === created.id, "the comment");
    const marker = await createComment(author, claimId, comment("marker"));
    await bobStream.waitForChange((event) => event.commentId === marker.id, "the marker comment");
    expect(bobStream.changes().filter((event) => event.type === "notification.created")).toEqual([]);
    // Anna's stream is for another document: the comment itself is not hers to see there.
    expect(annaStream.changes().map((event) => event.type)).toEqual(["notification.created"]);
  });
});

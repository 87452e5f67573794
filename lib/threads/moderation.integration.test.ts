import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, hideClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { createCommentInputSchema, updateCommentInputSchema } from "@/lib/threads/schema";
import { createComment, deleteComment, hideComment, listCommentsForClaim, unhideComment, updateComment } from "@/lib/threads/service";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";

// Pass-through wrappers that a test can make fail, to prove the change, the audit event and the notification
// commit or roll back together.
const failures = vi.hoisted(() => ({ notify: false, audit: false }));
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
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;
let claimId: string;

const reason = (text: string) => hideInputSchema.parse({ reason: text });
const commentInput = (body: string, parentId?: string) => createCommentInputSchema.parse({ body, parentId });

async function makeClaim(actor: TestUser, needle: string) {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
  return createClaim(actor, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] } }));
}

/** What the moderation of one comment left behind: its row, audit events and notifications. */
async function traces(commentId: string) {
  const db = getTestDb();
  const [comment, auditEvents, notifications] = await Promise.all([
    db.comment.findUnique({ where: { id: commentId }, select: { body: true, hiddenAt: true, hiddenById: true, hiddenReason: true, deletedAt: true } }),
    db.auditEvent.findMany({ where: { targetId: commentId }, orderBy: { createdAt: "asc" } }),
    db.notification.findMany({ where: { userId: author.userId, kind: "comment.hidden" }, orderBy: { createdAt: "asc" } }),
  ]);
  return { comment, auditEvents, notifications: notifications.filter((row) => (row.payload as { excerpt: string }).excerpt === comment?.body) };
}

const visibleColumns = { hiddenAt: null, hiddenById: null, hiddenReason: null };

beforeAll(async () => {
  [owner, moderator, author, colleague, viewer, outsider] = await unsafeCreateUsers("Owner", "Moderator", "Author", "Colleague", "Viewer", "Outsider");
  team = await unsafeCreateTeamWithArticle([
    [owner, "OWNER"],
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
    [viewer, "VIEWER"],
  ]);
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
  claimId = (await makeClaim(colleague, "Weinig opties")).id;
});

afterEach(() => {
  failures.notify = false;
  failures.audit = false;
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it("a non-member gets not_found from hideComment and unhideComment, and nothing is written", async () => {
    const comment = await createComment(author, claimId, commentInput("Buitenstaanders blijven af"));
    await expect(hideComment(outsider, comment.id, reason("Nee"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await hideComment(moderator, comment.id, reason("Wel verborgen"));
    await expect(unhideComment(outsider, comment.id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    const { comment: row, auditEvents, notifications } = await traces(comment.id);
    expect(row?.hiddenReason).toBe("Wel verborgen");
    expect(auditEvents.map((event) => event.action)).toEqual(["comment.hidden"]);
    expect(notifications).toHaveLength(1);
  });

  it.each([
    { what: 'malformed id "nope"', id: "nope" },
    { what: "an empty id", id: "" },
    { what: "SQL in the id", id: "'; UPDATE comments SET hidden_at = now(); --" },
    { what: "a random UUID", id: randomUUID() },
    { what: "a claim id", id: "claim" },
  ])("$what is not_found for moderators and non-members alike", async ({ id }) => {
    const target = id === "claim" ? claimId : id;
    for (const actor of [outsider, moderator, owner]) {
      await expect(hideComment(actor, target, reason("x"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(unhideComment(actor, target)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    }
  });
});

describe("hideComment", () => {
  it.each([
    { role: "MEMBER", actor: () => colleague },
    { role: "MEMBER who wrote it", actor: () => author },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role gets forbidden, and nothing is written", async ({ actor }) => {
    const comment = await createComment(author, claimId, commentInput(`Mag blijven ${randomUUID()}`));
    await expect(hideComment(actor(), comment.id, reason("Weg"))).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await traces(comment.id)).toMatchObject({ comment: visibleColumns, auditEvents: [], notifications: [] });
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role hides it: columns set, audit event and notification written, the moderator's view returned", async ({ actor }) => {
    const body = `Dit is een scheldwoord ${randomUUID()}`;
    const comment = await createComment(author, claimId, commentInput(body));
    const hidden = await hideComment(actor(), comment.id, reason("  Beledigend  "));
    expect(hidden).toMatchObject({
      id: comment.id,
      body,
      hidden: { at: expect.any(String), reason: "Beledigend", byName: actor().name },
      abilities: { canHide: false, canUnhide: true, canEdit: false, canDelete: true, canReply: true },
    });
    const { comment: row, auditEvents, notifications } = await traces(comment.id);
    expect(row).toMatchObject({ body, hiddenAt: new Date(hidden.hidden!.at), hiddenById: actor().userId, hiddenReason: "Beledigend" });
    expect(auditEvents).toHaveLength(1);
    expect(auditEvents[0]).toMatchObject({
      teamId: team.teamId,
      actorId: actor().userId,
      action: "comment.hidden",
      targetType: "comment",
      targetId: comment.id,
      details: { authorName: "Author", reason: "Beledigend", claimId, documentId: team.documentId },
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      userId: author.userId,
      teamId: team.teamId,
      kind: "comment.hidden",
      readAt: null,
      payload: {
        moderatorName: actor().name,
        reason: "Beledigend",
        documentId: team.documentId,
        documentTitle: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand",
        claimId,
        excerpt: body,
      },
    });
  });

  it("cuts the excerpt of a long comment to 80 characters", async () => {
    const comment = await createComment(author, claimId, commentInput(`${"Heel lang verhaal. ".repeat(20)}${randomUUID()}`));
    await hideComment(moderator, comment.id, reason("Te lang"));
    const [notification] = await getTestDb().notification.findMany({ where: { userId: author.userId, payload: { path: ["reason"], equals: "Te lang" } } });
    const excerpt = (notification?.payload as { excerpt: string }).excerpt;
    expect(Array.from(excerpt)).toHaveLength(80);
    expect(excerpt.startsWith("Heel lang verhaal. Heel lang")).toBe(true);
    expect(excerpt.endsWith("…")).toBe(true);
  });

  it("does not notify a moderator who hides their own comment, but still records it", async () => {
    const comment = await createComment(moderator, claimId, commentInput("Eigen opmerking"));
    await hideComment(moderator, comment.id, reason("Eigen fout"));
    const db = getTestDb();
    expect(await db.notification.count({ where: { userId: moderator.userId } })).toBe(0);
    expect((await db.auditEvent.findMany({ where: { targetId: comment.id } })).map((event) => event.action)).toEqual(["comment.hidden"]);
  });

  it("a hidden or deleted comment cannot be hidden (409), and nothing more is written", async () => {
    const hidden = await createComment(author, claimId, commentInput(`Al verborgen ${randomUUID()}`));
    await hideComment(moderator, hidden.id, reason("Eerste keer"));
    await expect(hideComment(owner, hidden.id, reason("Tweede keer"))).rejects.toMatchObject({ name: "AppError", code: "conflict" });
    expect((await traces(hidden.id)).auditEvents).toHaveLength(1);
    const deleted = await createComment(author, claimId, commentInput(`Verwijderd ${randomUUID()}`));
    await deleteComment(author, deleted.id);
    await expect(hideComment(owner, deleted.id, reason("Te laat"))).rejects.toMatchObject({ name: "AppError", code: "conflict" });
    expect(await traces(deleted.id)).toMatchObject({ comment: visibleColumns, auditEvents: [] });
  });

  it("of two moderators hiding at once, one wins and the author is notified once", async () => {
    const comment = await createComment(author, claimId, commentInput(`Gelijktijdig ${randomUUID()}`));
    const results = await Promise.allSettled([hideComment(moderator, comment.id, reason("Een")), hideComment(owner, comment.id, reason("Twee"))]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    const { auditEvents, notifications } = await traces(comment.id);
    expect(auditEvents).toHaveLength(1);
    expect(notifications).toHaveLength(1);
  });

  it("when writing the notification fails, the comment stays visible and no audit event exists", async () => {
    const comment = await createComment(author, claimId, commentInput(`Mislukt ${randomUUID()}`));
    failures.notify = true;
    await expect(hideComment(moderator, comment.id, reason("Mislukt"))).rejects.toThrow("simulated failure");
    expect(await traces(comment.id)).toMatchObject({ comment: visibleColumns, auditEvents: [], notifications: [] });
  });

  it("when recording the audit event fails, the comment stays visible and the author is not notified", async () => {
    const comment = await createComment(author, claimId, commentInput(`Mislukt ${randomUUID()}`));
    failures.audit = true;
    await expect(hideComment(owner, comment.id, reason("Mislukt"))).rejects.toThrow("simulated failure");
    expect(await traces(comment.id)).toMatchObject({ comment: visibleColumns, auditEvents: [], notifications: [] });
  });
});

describe("what readers of a hidden comment receive", () => {
  const secretBody = "Mijn bron is Jan Jansen van het ministerie";
  const secretReason = "Noemt een bron bij naam";
  let threadClaimId: string;
  let hiddenId: string;
  let replyId: string;

  beforeAll(async () => {
    threadClaimId = (await makeClaim(colleague, "Het Turkse optreden bedreigt")).id;
    hiddenId = (await createComment(author, threadClaimId, commentInput(secretBody))).id;
    replyId = (await createComment(colleague, threadClaimId, commentInput("Dank, nagetrokken.", hiddenId))).id;
    await hideComment(moderator, hiddenId, reason(secretReason));
  });

  it.each([
    { role: "MEMBER", actor: () => colleague },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role sees it in place with body null and only when it was hidden; replies stay", async ({ actor }) => {
    const thread = await listCommentsForClaim(actor(), threadClaimId);
    expect(thread.map((comment) => [comment.id, comment.parentId])).toEqual([
      [hiddenId, null],
      [replyId, hiddenId],
    ]);
    const [hidden] = thread;
    expect(hidden).toMatchObject({ body: null, deletedAt: null, hidden: { at: expect.any(String) }, author: { name: "Author" } });
    expect(Object.keys(hidden!.hidden!)).toEqual(["at"]);
    expect(hidden!.abilities).toEqual({ canEdit: false, canDelete: false, canReply: false, canHide: false, canUnhide: false });
    const json = JSON.stringify(thread);
    for (const secret of [secretBody, secretReason, "Moderator"]) expect(json).not.toContain(secret);
    expect(thread[1]?.body).toBe("Dank, nagetrokken.");
  });

  it("its author sees the placeholder with the reason, may delete it, but not edit it", async () => {
    const [hidden] = await listCommentsForClaim(author, threadClaimId);
    expect(hidden).toMatchObject({ body: null, hidden: { reason: secretReason } });
    expect(hidden?.hidden).not.toHaveProperty("byName");
    expect(hidden?.abilities).toEqual({ canEdit: false, canDelete: true, canReply: false, canHide: false, canUnhide: false });
    await expect(updateComment(author, hiddenId, updateCommentInputSchema.parse({ body: "Omzeild" }))).rejects.toMatchObject({ code: "forbidden" });
    expect((await getTestDb().comment.findUniqueOrThrow({ where: { id: hiddenId } })).body).toBe(secretBody);
  });

  it("a member cannot reply to it (403), and nothing is stored", async () => {
    const before = await getTestDb().comment.count({ where: { claimId: threadClaimId } });
    await expect(createComment(colleague, threadClaimId, commentInput("Wat stond er?", hiddenId))).rejects.toMatchObject({ code: "forbidden" });
    expect(await getTestDb().comment.count({ where: { claimId: threadClaimId } })).toBe(before);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role sees its text, the reason and who hid it, and may reply", async ({ actor }) => {
    const [hidden] = await listCommentsForClaim(actor(), threadClaimId);
    expect(hidden).toMatchObject({ body: secretBody, hidden: { at: expect.any(String), reason: secretReason, byName: "Moderator" } });
    expect(hidden?.abilities).toMatchObject({ canUnhide: true, canHide: false, canReply: true });
    const reply = await createComment(actor(), threadClaimId, commentInput("Genoteerd.", hiddenId));
    expect(reply.parentId).toBe(hiddenId);
  });
});

describe("comments on a hidden claim", () => {
  it("members cannot reach them through any comment function (404), moderators can", async () => {
    const claim = await makeClaim(colleague, "Maar veel opties heeft hij niet.");
    const comment = await createComment(author, claim.id, commentInput("Op een claim die verdwijnt"));
    await hideClaim(moderator, claim.id, reason("Claim verborgen"));
    for (const actor of [author, colleague, viewer]) {
      await expect(listCommentsForClaim(actor, claim.id)).rejects.toMatchObject({ code: "not_found" });
      await expect(updateComment(actor, comment.id, updateCommentInputSchema.parse({ body: "x" }))).rejects.toMatchObject({ code: "not_found" });
      await expect(deleteComment(actor, comment.id)).rejects.toMatchObject({ code: "not_found" });
    }
    expect((await listCommentsForClaim(moderator, claim.id)).map((item) => item.body)).toEqual(["Op een claim die verdwijnt"]);
    const hidden = await hideComment(owner, comment.id, reason("Ook de opmerking"));
    expect(hidden.hidden?.reason).toBe("Ook de opmerking");
  });
});

describe("unhideComment", () => {
  it.each([
    { role: "MEMBER", actor: () => colleague },
    { role: "MEMBER who wrote it", actor: () => author },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role gets forbidden, and it stays hidden", async ({ actor }) => {
    const comment = await createComment(author, claimId, commentInput(`Blijft verborgen ${randomUUID()}`));
    await hideComment(moderator, comment.id, reason("Verborgen"));
    await expect(unhideComment(actor(), comment.id)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    const { comment: row, auditEvents } = await traces(comment.id);
    expect(row?.hiddenReason).toBe("Verborgen");
    expect(auditEvents.map((event) => event.action)).toEqual(["comment.hidden"]);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role restores it for everyone and records it with the old reason", async ({ actor }) => {
    const body = `Toch in orde ${randomUUID()}`;
    const comment = await createComment(author, claimId, commentInput(body));
    await hideComment(moderator, comment.id, reason("Tijdelijk"));
    const restored = await unhideComment(actor(), comment.id);
    expect(restored).toMatchObject({ body, hidden: null, abilities: { canHide: true, canUnhide: false } });
    const { comment: row, auditEvents, notifications } = await traces(comment.id);
    expect(row).toMatchObject(visibleColumns);
    expect(auditEvents.map((event) => [event.action, event.actorId])).toEqual([
      ["comment.hidden", moderator.userId],
      ["comment.unhidden", actor().userId],
    ]);
    expect(auditEvents[1]?.details).toMatchObject({ authorName: "Author", reason: "Tijdelijk", claimId });
    expect(notifications).toHaveLength(1);
    const asMember = (await listCommentsForClaim(colleague, claimId)).find((item) => item.id === comment.id);
    expect(asMember).toMatchObject({ body, hidden: null });
  });

  it("a comment that is not hidden gives 409, and nothing is written", async () => {
    const comment = await createComment(author, claimId, commentInput(`Zichtbaar ${randomUUID()}`));
    await expect(unhideComment(moderator, comment.id)).rejects.toMatchObject({ name: "AppError", code: "conflict" });
    expect((await traces(comment.id)).auditEvents).toEqual([]);
  });

  it("when recording the audit event fails, the comment stays hidden", async () => {
    const comment = await createComment(author, claimId, commentInput(`Blijft ${randomUUID()}`));
    await hideComment(moderator, comment.id, reason("Blijft"));
    failures.audit = true;
    await expect(unhideComment(owner, comment.id)).rejects.toThrow("simulated failure");
    const { comment: row, auditEvents } = await traces(comment.id);
    expect(row?.hiddenReason).toBe("Blijft");
    expect(auditEvents.map((event) => event.action)).toEqual(["comment.hidden"]);
  });
});

describe("deleteComment and the audit log", () => {
  it("an author deleting their own comment records nothing", async () => {
    const comment = await createComment(author, claimId, commentInput("Zelf weg"));
    await deleteComment(author, comment.id);
    expect(await getTestDb().auditEvent.count({ where: { targetId: comment.id } })).toBe(0);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role deleting someone else's comment records comment.deleted_by_moderator", async ({ actor }) => {
    const comment = await createComment(author, claimId, commentInput("Ongepaste opmerking"));
    await deleteComment(actor(), comment.id);
    const events = await getTestDb().auditEvent.findMany({ where: { targetId: comment.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      teamId: team.teamId,
      actorId: actor().userId,
      action: "comment.deleted_by_moderator",
      targetType: "comment",
      details: { authorName: "Author", claimId, documentId: team.documentId, excerpt: "Ongepaste opmerking" },
    });
  });

  it("when recording the audit event fails, the comment is not deleted", async () => {
    const comment = await createComment(author, claimId, commentInput("Blijft staan"));
    failures.audit = true;
    await expect(deleteComment(moderator, comment.id)).rejects.toThrow("simulated failure");
    const row = await getTestDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row).toMatchObject({ body: "Blijft staan", deletedAt: null });
    expect(await getTestDb().auditEvent.count({ where: { targetId: comment.id } })).toBe(0);
  });
});

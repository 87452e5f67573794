import { randomUUID } from "node:crypto";

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { describeTextRange } from "@/lib/anchoring";
import { findRange } from "@/lib/anchoring/testing/find-range";
import { createClaimInputSchema, updateClaimInputSchema } from "@/lib/claims/schema";
import { createClaim, deleteClaim, getClaimForActor, hideClaim, listClaimsForDocument, unhideClaim, updateClaim } from "@/lib/claims/service";
import { hideInputSchema } from "@/lib/moderation/schema";
import { createComment, listCommentsForClaim } from "@/lib/threads/service";
import { createCommentInputSchema } from "@/lib/threads/schema";
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

const reason = (text: string) => hideInputSchema.parse({ reason: text });

async function makeClaim(actor: TestUser, needle: string, options: { tags?: string[]; visibility?: "team" | "private" } = {}) {
  const { quote, position } = describeTextRange(team.documentText, findRange(team.documentText, needle));
  return createClaim(actor, team.documentId, createClaimInputSchema.parse({ target: { selector: [quote, position] }, ...options }));
}

/** What the moderation of one claim left behind: its hidden columns, audit events and notifications. */
async function traces(claimId: string) {
  const db = getTestDb();
  const [claim, auditEvents, notifications] = await Promise.all([
    db.claim.findUnique({ where: { id: claimId }, select: { hiddenAt: true, hiddenById: true, hiddenReason: true } }),
    db.auditEvent.findMany({ where: { targetId: claimId }, orderBy: { createdAt: "asc" } }),
    db.notification.findMany({ where: { payload: { path: ["claimId"], equals: claimId } }, orderBy: { createdAt: "asc" } }),
  ]);
  return { claim, auditEvents, notifications };
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
  await unsafeCreateTeamWithArticle([[outsider, "OWNER"]], "Other team");
});

afterEach(() => {
  failures.notify = false;
  failures.audit = false;
});

afterAll(disconnectTestDb);

describe("without access", () => {
  it("a non-member gets not_found from hideClaim and unhideClaim, and nothing is written", async () => {
    const claim = await makeClaim(author, "Weinig opties");
    await expect(hideClaim(outsider, claim.id, reason("Nee"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    await hideClaim(moderator, claim.id, reason("Echt verborgen"));
    await expect(unhideClaim(outsider, claim.id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    const after = await traces(claim.id);
    expect(after.claim?.hiddenReason).toBe("Echt verborgen");
    expect(after.auditEvents.map((event) => event.action)).toEqual(["claim.hidden"]);
    expect(after.notifications).toHaveLength(1);
  });

  it.each([
    { what: 'malformed id "nope"', id: "nope" },
    { what: "an empty id", id: "" },
    { what: "SQL in the id", id: "'; UPDATE claims SET hidden_at = now(); --" },
    { what: "a random UUID", id: randomUUID() },
  ])("$what is not_found for moderators and non-members alike", async ({ id }) => {
    for (const actor of [outsider, moderator, owner]) {
      await expect(hideClaim(actor, id, reason("x"))).rejects.toMatchObject({ name: "AppError", code: "not_found" });
      await expect(unhideClaim(actor, id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    }
  });

  it("someone else's private claim is not_found even for the owner, who cannot read it", async () => {
    const claim = await makeClaim(author, "De regio heeft een bijna heilige status", { visibility: "private" });
    await expect(hideClaim(owner, claim.id, reason("x"))).rejects.toMatchObject({ code: "not_found" });
    await expect(hideClaim(moderator, claim.id, reason("x"))).rejects.toMatchObject({ code: "not_found" });
    expect((await traces(claim.id)).claim?.hiddenAt).toBeNull();
  });
});

describe("hideClaim", () => {
  it.each([
    { role: "MEMBER", actor: () => colleague },
    { role: "MEMBER who wrote it", actor: () => author },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role gets forbidden, and nothing is written", async ({ actor }) => {
    const claim = await makeClaim(author, "Het Turkse optreden bedreigt");
    await expect(hideClaim(actor(), claim.id, reason("Weg ermee"))).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    expect(await traces(claim.id)).toEqual({ claim: { hiddenAt: null, hiddenById: null, hiddenReason: null }, auditEvents: [], notifications: [] });
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role hides it: columns set, audit event and notification written, the moderator's view returned", async ({ actor }) => {
    const quote = "Poetin moet iets doen om zijn greep";
    const claim = await makeClaim(author, quote, { tags: ["military"] });
    const hidden = await hideClaim(actor(), claim.id, reason("  Onjuiste bron  "));
    expect(hidden).toMatchObject({
      id: claim.id,
      target: claim.target,
      tags: [{ name: "military" }],
      hidden: { at: expect.any(String), reason: "Onjuiste bron", byName: actor().name },
      abilities: { canHide: false, canUnhide: true, canEdit: false },
    });
    const { claim: row, auditEvents, notifications } = await traces(claim.id);
    expect(row).toEqual({ hiddenAt: new Date(hidden.hidden!.at), hiddenById: actor().userId, hiddenReason: "Onjuiste bron" });
    expect(auditEvents).toHaveLength(1);
    expect(auditEvents[0]).toMatchObject({
      teamId: team.teamId,
      actorId: actor().userId,
      action: "claim.hidden",
      targetType: "claim",
      targetId: claim.id,
      details: { authorName: "Author", reason: "Onjuiste bron", documentId: team.documentId },
    });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      userId: author.userId,
      teamId: team.teamId,
      kind: "claim.hidden",
      readAt: null,
      payload: {
        moderatorName: actor().name,
        reason: "Onjuiste bron",
        documentId: team.documentId,
        documentTitle: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand",
        claimId: claim.id,
        excerpt: quote,
      },
    });
  });

  it("cuts the notification's excerpt of a long quote to 80 characters", async () => {
    const needle = "Door zich op te werpen als machtsfactor in de regio, hoopt Turkije zelf voet aan de grond te krijgen in de zuidelijke Kaukasus";
    const claim = await makeClaim(author, needle);
    await hideClaim(moderator, claim.id, reason("Te lang"));
    const [notification] = (await traces(claim.id)).notifications;
    const excerpt = (notification?.payload as { excerpt: string }).excerpt;
    expect(Array.from(excerpt).length).toBeLessThanOrEqual(80);
    expect(excerpt.endsWith("…")).toBe(true);
  });

  it("does not notify a moderator who hides their own claim, but still records it", async () => {
    const claim = await makeClaim(moderator, "Maar veel opties heeft hij niet.");
    await hideClaim(moderator, claim.id, reason("Eigen fout"));
    const { auditEvents, notifications } = await traces(claim.id);
    expect(auditEvents.map((event) => event.action)).toEqual(["claim.hidden"]);
    expect(notifications).toEqual([]);
  });

  it("a hidden claim cannot be hidden again (409), and nothing more is written", async () => {
    const claim = await makeClaim(author, "Rusland mag formeel");
    await hideClaim(moderator, claim.id, reason("Eerste keer"));
    await expect(hideClaim(owner, claim.id, reason("Tweede keer"))).rejects.toMatchObject({ name: "AppError", code: "conflict" });
    const { claim: row, auditEvents, notifications } = await traces(claim.id);
    expect(row?.hiddenReason).toBe("Eerste keer");
    expect(auditEvents).toHaveLength(1);
    expect(notifications).toHaveLength(1);
  });

  it("of two moderators hiding at once, one wins and the author is notified once", async () => {
    const claim = await makeClaim(author, "Rusland heeft ook geen troepen op de grond");
    const results = await Promise.allSettled([hideClaim(moderator, claim.id, reason("Een")), hideClaim(owner, claim.id, reason("Twee"))]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    const { auditEvents, notifications } = await traces(claim.id);
    expect(auditEvents).toHaveLength(1);
    expect(notifications).toHaveLength(1);
  });

  it("when writing the notification fails, the claim stays visible and no audit event exists", async () => {
    const claim = await makeClaim(author, "De drones hebben de dynamiek");
    failures.notify = true;
    await expect(hideClaim(moderator, claim.id, reason("Mislukt"))).rejects.toThrow("simulated failure");
    expect(await traces(claim.id)).toEqual({ claim: { hiddenAt: null, hiddenById: null, hiddenReason: null }, auditEvents: [], notifications: [] });
    expect((await getClaimForActor(colleague, claim.id)).target).not.toBeNull();
  });

  it("when recording the audit event fails, the claim stays visible and the author is not notified", async () => {
    const claim = await makeClaim(author, "Verdeel-en-heers");
    failures.audit = true;
    await expect(hideClaim(owner, claim.id, reason("Mislukt"))).rejects.toThrow("simulated failure");
    expect(await traces(claim.id)).toEqual({ claim: { hiddenAt: null, hiddenById: null, hiddenReason: null }, auditEvents: [], notifications: [] });
  });
});

describe("what readers of a hidden claim receive", () => {
  const quote = "Javad Devdarian";
  const secretReason = "Bevat persoonsgegevens van een bron";
  let claimId: string;
  let commentBody: string;

  beforeAll(async () => {
    const claim = await makeClaim(author, quote, { tags: ["diplomatic", "energy"] });
    claimId = claim.id;
    commentBody = "Wie is deze specialist precies?";
    await createComment(colleague, claimId, createCommentInputSchema.parse({ body: commentBody }));
    await hideClaim(moderator, claimId, reason(secretReason));
  });

  it.each([
    { role: "MEMBER", actor: () => colleague },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role gets a placeholder: no quote, selectors, tags, reason or moderator, from get and list", async ({ actor }) => {
    const fromGet = await getClaimForActor(actor(), claimId);
    const fromList = (await listClaimsForDocument(actor(), team.documentId)).find((claim) => claim.id === claimId);
    for (const view of [fromGet, fromList]) {
      expect(view).toMatchObject({ id: claimId, target: null, tags: [], hidden: { at: expect.any(String) }, author: { name: "Author" } });
      expect(Object.keys(view!.hidden!)).toEqual(["at"]);
      expect(view!.abilities).toMatchObject({ canEdit: false, canComment: false, canHide: false, canUnhide: false });
      const json = JSON.stringify(view);
      for (const secret of [quote, secretReason, "diplomatic", "energy", "Moderator"]) expect(json).not.toContain(secret);
    }
  });

  it("its author gets the placeholder with the reason (they were notified of it), not the moderator's name", async () => {
    const view = await getClaimForActor(author, claimId);
    expect(view).toMatchObject({ target: null, tags: [], hidden: { reason: secretReason } });
    expect(view.hidden).not.toHaveProperty("byName");
    expect(view.abilities).toMatchObject({ canEdit: false, canDelete: true, canComment: false });
    expect(JSON.stringify(view)).not.toContain(quote);
  });

  it.each([
    { role: "MEMBER", actor: () => colleague },
    { role: "MEMBER who wrote it", actor: () => author },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role cannot read its thread (404) nor add to it (403)", async ({ actor }) => {
    await expect(listCommentsForClaim(actor(), claimId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    const attempt = createComment(actor(), claimId, createCommentInputSchema.parse({ body: "Mag ik?" }));
    await expect(attempt).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
  });

  it("its author cannot retag it while hidden (403), and its tags are unchanged", async () => {
    await expect(updateClaim(author, claimId, updateClaimInputSchema.parse({ tags: [] }))).rejects.toMatchObject({ code: "forbidden" });
    expect((await getClaimForActor(moderator, claimId)).tags.map((tag) => tag.name)).toEqual(["diplomatic", "energy"]);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role sees everything, the reason and who hid it, and can read and add to the thread", async ({ actor }) => {
    const view = await getClaimForActor(actor(), claimId);
    expect(view.target?.selector[0].exact).toBe(quote);
    expect(view.tags.map((tag) => tag.name)).toEqual(["diplomatic", "energy"]);
    expect(view.hidden).toEqual({ at: expect.any(String), reason: secretReason, byName: "Moderator" });
    expect(view.abilities).toMatchObject({ canComment: true, canHide: false, canUnhide: true });
    const listed = (await listClaimsForDocument(actor(), team.documentId)).find((claim) => claim.id === claimId);
    expect(listed).toEqual(view);
    const thread = await listCommentsForClaim(actor(), claimId);
    expect(thread.map((comment) => comment.body)).toContain(commentBody);
    const added = await createComment(actor(), claimId, createCommentInputSchema.parse({ body: "Genoteerd." }));
    expect(added.body).toBe("Genoteerd.");
  });
});

describe("unhideClaim", () => {
  it.each([
    { role: "MEMBER", actor: () => colleague },
    { role: "MEMBER who wrote it", actor: () => author },
    { role: "VIEWER", actor: () => viewer },
  ])("a $role gets forbidden, and it stays hidden", async ({ actor }) => {
    const claim = await makeClaim(author, "De gevechtspauze moest ruimte maken");
    await hideClaim(moderator, claim.id, reason("Verborgen"));
    await expect(unhideClaim(actor(), claim.id)).rejects.toMatchObject({ name: "AppError", code: "forbidden" });
    const { claim: row, auditEvents } = await traces(claim.id);
    expect(row?.hiddenReason).toBe("Verborgen");
    expect(auditEvents.map((event) => event.action)).toEqual(["claim.hidden"]);
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role restores it for everyone, records it with the old reason, and notifies nobody", async ({ actor }) => {
    const claim = await makeClaim(author, "Het Turkse optreden", { tags: ["military"] });
    await hideClaim(moderator, claim.id, reason("Tijdelijk"));
    const restored = await unhideClaim(actor(), claim.id);
    expect(restored).toMatchObject({ hidden: null, abilities: { canHide: true, canUnhide: false } });
    const { claim: row, auditEvents, notifications } = await traces(claim.id);
    expect(row).toEqual({ hiddenAt: null, hiddenById: null, hiddenReason: null });
    expect(auditEvents.map((event) => [event.action, event.actorId])).toEqual([
      ["claim.hidden", moderator.userId],
      ["claim.unhidden", actor().userId],
    ]);
    expect(auditEvents[1]?.details).toMatchObject({ authorName: "Author", reason: "Tijdelijk" });
    expect(notifications).toHaveLength(1);
    const asMember = await getClaimForActor(colleague, claim.id);
    expect(asMember).toMatchObject({ hidden: null, tags: [{ name: "military" }] });
    expect(asMember.target?.selector[0].exact).toBe("Het Turkse optreden");
    expect(await listCommentsForClaim(colleague, claim.id)).toEqual([]);
  });

  it("a claim that is not hidden gives 409, and nothing is written", async () => {
    const claim = await makeClaim(author, "Weinig opties");
    await expect(unhideClaim(moderator, claim.id)).rejects.toMatchObject({ name: "AppError", code: "conflict" });
    expect((await traces(claim.id)).auditEvents).toEqual([]);
  });

  it("when recording the audit event fails, the claim stays hidden", async () => {
    const claim = await makeClaim(author, "Maar veel opties heeft hij niet.");
    await hideClaim(moderator, claim.id, reason("Blijft"));
    failures.audit = true;
    await expect(unhideClaim(owner, claim.id)).rejects.toThrow("simulated failure");
    const { claim: row, auditEvents } = await traces(claim.id);
    expect(row?.hiddenReason).toBe("Blijft");
    expect(auditEvents.map((event) => event.action)).toEqual(["claim.hidden"]);
  });
});

describe("deleteClaim and the audit log", () => {
  it("an author deleting their own claim records nothing", async () => {
    const claim = await makeClaim(author, "Rusland mag formeel");
    await deleteClaim(author, claim.id);
    expect((await traces(claim.id)).auditEvents).toEqual([]);
  });

  it("an author may delete their own hidden claim", async () => {
    const claim = await makeClaim(author, "De drones hebben de dynamiek");
    await hideClaim(moderator, claim.id, reason("Verborgen"));
    await deleteClaim(author, claim.id);
    expect((await traces(claim.id)).claim).toBeNull();
  });

  it.each([
    { role: "MODERATOR", actor: () => moderator },
    { role: "OWNER", actor: () => owner },
  ])("a $role deleting someone else's claim records claim.deleted_by_moderator", async ({ actor }) => {
    const claim = await makeClaim(author, "Poetin moet iets doen om zijn greep");
    await deleteClaim(actor(), claim.id);
    const { claim: row, auditEvents } = await traces(claim.id);
    expect(row).toBeNull();
    expect(auditEvents).toHaveLength(1);
    expect(auditEvents[0]).toMatchObject({
      teamId: team.teamId,
      actorId: actor().userId,
      action: "claim.deleted_by_moderator",
      targetType: "claim",
      targetId: claim.id,
      details: { authorName: "Author", documentId: team.documentId, excerpt: "Poetin moet iets doen om zijn greep" },
    });
  });

  it("a MEMBER deleting someone else's claim is forbidden and records nothing", async () => {
    const claim = await makeClaim(author, "Verdeel-en-heers");
    await expect(deleteClaim(colleague, claim.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await traces(claim.id)).toMatchObject({ claim: { hiddenAt: null }, auditEvents: [] });
  });

  it("when recording the audit event fails, the claim is not deleted", async () => {
    const claim = await makeClaim(author, "Het Turkse optreden bedreigt");
    failures.audit = true;
    await expect(deleteClaim(moderator, claim.id)).rejects.toThrow("simulated failure");
    const { claim: row, auditEvents } = await traces(claim.id);
    expect(row).not.toBeNull();
    expect(auditEvents).toEqual([]);
  });
});

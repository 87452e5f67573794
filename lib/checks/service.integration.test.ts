/**
 * Status, assignee and due date through the real route handlers (session cookie → actor → lib/ → PostgreSQL),
 * role by role: who may move a claim's check, who may read its history, and what bad input and hidden claims get.
 * The history's lines and the live event are lib/checks/history.integration.test.ts's.
 */
import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import * as claimHistoryRoute from "@/app/api/claims/[claimId]/history/route";
import * as claimRoute from "@/app/api/claims/[claimId]/route";
import { createClaim, hideClaim } from "@/lib/claims/service";
import type { ClaimView } from "@/lib/claims/schema";
import type { ClaimHistoryView } from "@/lib/checks/schema";
import { claimInputFor } from "@/lib/testing/claim-input";
import { disconnectTestDb, getTestDb, unsafeCreateTeamWithArticle, unsafeCreateUsers, type TestTeam, type TestUser } from "@/lib/testing/factories";
import { unsafeCreateSessionCookie } from "@/lib/testing/session-cookie";

let owner: TestUser;
let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let viewer: TestUser;
let outsider: TestUser;
let team: TestTeam;

type Handler = (request: Request, context: { params: Promise<{ claimId: string }> }) => Promise<Response>;
type Answer = { status: number; body: { error?: { code: string; details?: { fields?: Record<string, string> } } } & Record<string, unknown> };

async function call(handler: Handler, method: string, user: TestUser | null, claimId: string, path: string, body?: unknown): Promise<Answer> {
  const headers = new Headers({ host: "margin.test" });
  if (user) headers.set("cookie", await unsafeCreateSessionCookie(user));
  if (body !== undefined) headers.set("content-type", "application/json");
  const request = new Request(`http://margin.test/api/claims/${claimId}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const response = await handler(request, { params: Promise.resolve({ claimId }) });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

/** PATCH /api/claims/{id} as `user` (null: signed out). */
const patch = (user: TestUser | null, claimId: string, body: unknown) => call(claimRoute.PATCH as Handler, "PATCH", user, claimId, "", body);
/** GET /api/claims/{id}/history as `user`. */
const readHistory = (user: TestUser | null, claimId: string) => call(claimHistoryRoute.GET as Handler, "GET", user, claimId, "/history");

function makeClaim(by: TestUser, needle = "Weinig opties", visibility: "team" | "private" = "team"): Promise<ClaimView> {
  return createClaim(by, team.documentId, claimInputFor(team.documentText, needle, { visibility }));
}

/** The claim's check as stored, and how many history lines it has. */
async function stored(claimId: string) {
  const db = getTestDb();
  const [claim, historyCount] = await Promise.all([
    db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true, assigneeId: true, dueAt: true } }),
    db.claimHistoryEntry.count({ where: { claimId } }),
  ]);
  return { ...claim, historyCount };
}

const untouched = { status: "OPEN", assigneeId: null, dueAt: null, historyCount: 0 };

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

afterAll(disconnectTestDb);

describe("who may move a claim's check", () => {
  it("requires authentication", async () => {
    const claim = await makeClaim(author);
    expect((await patch(null, claim.id, { status: "checking" })).status).toBe(401);
    expect((await readHistory(null, claim.id)).status).toBe(401);
    expect(await stored(claim.id)).toEqual(untouched);
  });

  it("is a 404 for a non-member, for another's private claim, and for a missing or malformed id", async () => {
    const claim = await makeClaim(author);
    const privateClaim = await makeClaim(author, "Weinig opties", "private");
    expect((await patch(outsider, claim.id, { status: "checking" })).status).toBe(404);
    expect((await readHistory(outsider, claim.id)).status).toBe(404);
    expect((await patch(moderator, privateClaim.id, { status: "checking" })).status).toBe(404);
    expect((await readHistory(colleague, privateClaim.id)).status).toBe(404);
    expect((await patch(author, randomUUID(), { status: "checking" })).status).toBe(404);
    expect((await readHistory(author, "not-an-id")).status).toBe(404);
    expect(await stored(claim.id)).toEqual(untouched);
    expect(await stored(privateClaim.id)).toEqual(untouched);
  });

  it("a member moves the check of their own claim, and of no one else's until it is assigned to them", async () => {
    const claim = await makeClaim(author);
    const own = await patch(author, claim.id, { status: "checking", dueAt: "2026-12-10" });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ status: "checking", dueAt: "2026-12-10T00:00:00.000Z", assignee: null, abilities: { canCheck: true } });

    const refused = await patch(colleague, claim.id, { status: "checked" });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe("forbidden");
    expect((await patch(colleague, claim.id, { assigneeId: colleague.userId })).status).toBe(403);

    // Assigned by its author, the colleague may move it; unassigned again, no more.
    const assigned = await patch(author, claim.id, { assigneeId: colleague.userId });
    expect(assigned.body).toMatchObject({ assignee: { id: colleague.userId, name: "Colleague" } });
    const moved = await patch(colleague, claim.id, { status: "checked", dueAt: null });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: "checked", dueAt: null, abilities: { canCheck: true } });
    expect((await patch(colleague, claim.id, { assigneeId: null })).status).toBe(200);
    expect((await patch(colleague, claim.id, { status: "open" })).status).toBe(403);
    expect(await stored(claim.id)).toMatchObject({ status: "CHECKED", assigneeId: null, dueAt: null });
  });

  it("moderators and owners move any claim's check; a viewer moves none but reads the history", async () => {
    const claim = await makeClaim(author);
    expect((await patch(moderator, claim.id, { status: "checking", assigneeId: colleague.userId })).status).toBe(200);
    const byOwner = await patch(owner, claim.id, { status: "not_checkable", assigneeId: owner.userId, dueAt: "2027-01-05T09:30:00+01:00" });
    expect(byOwner.status).toBe(200);
    expect(byOwner.body).toMatchObject({ status: "not_checkable", assignee: { id: owner.userId, name: "Owner" }, dueAt: "2027-01-05T08:30:00.000Z" });

    const byViewer = await patch(viewer, claim.id, { status: "open" });
    expect(byViewer.status).toBe(403);
    const history = await readHistory(viewer, claim.id);
    expect(history.status).toBe(200);
    expect((history.body.items as ClaimHistoryView[]).map((line) => line.field)).toEqual(["status", "assignee", "status", "assignee", "due"]);
  });

  it("a request mixing tags or visibility with the check needs both rights, and changes nothing without them", async () => {
    const claim = await makeClaim(author);
    await patch(author, claim.id, { assigneeId: colleague.userId });
    // The assignee moves the check, but may not retag another's claim: the whole request is refused.
    expect((await patch(colleague, claim.id, { tags: ["military"], status: "checking" })).status).toBe(403);
    // A moderator moves any check, but only its author changes its visibility.
    expect((await patch(moderator, claim.id, { visibility: "private", status: "checking" })).status).toBe(403);
    expect(await stored(claim.id)).toMatchObject({ status: "OPEN", assigneeId: colleague.userId, historyCount: 1 });
    // Its author has both rights.
    const both = await patch(author, claim.id, { tags: ["military"], status: "checking" });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ status: "checking", tags: [{ name: "military" }] });
  });
});

describe("bad input is a 422 naming the field", () => {
  it("an unknown status, a malformed assignee id or due date", async () => {
    const claim = await makeClaim(author);
    for (const [body, field] of [
      [{ status: "done" }, "status"],
      [{ status: "OPEN" }, "status"],
      [{ status: null }, "status"],
      [{ assigneeId: "alice" }, "assigneeId"],
      [{ dueAt: "tomorrow" }, "dueAt"],
      [{ dueAt: "2026-02-30" }, "dueAt"],
      [{ dueAt: "2026-12-10T17:00:00" }, "dueAt"],
      [{ dueAt: "0000-01-01" }, "dueAt"],
    ] as const) {
      const answer = await patch(author, claim.id, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error?.code).toBe("validation_failed");
      expect(Object.keys(answer.body.error?.details?.fields ?? {}), JSON.stringify(body)).toEqual([field]);
    }
    expect(await stored(claim.id)).toEqual(untouched);
  });

  it("an assignee who is not a member who may check claims: an outsider, a viewer, nobody at all", async () => {
    const claim = await makeClaim(author);
    for (const assigneeId of [outsider.userId, viewer.userId, randomUUID()]) {
      const answer = await patch(moderator, claim.id, { assigneeId, status: "checking" });
      expect(answer.status).toBe(422);
      expect(answer.body.error?.details?.fields).toEqual({ assigneeId: "Assign the claim to a member of its team who can check claims" });
    }
    // The status in the same request was not changed either.
    expect(await stored(claim.id)).toEqual(untouched);
  });

  it("a private claim is assigned to its author only (nobody else can see it)", async () => {
    const claim = await makeClaim(author, "Weinig opties", "private");
    const answer = await patch(author, claim.id, { assigneeId: colleague.userId });
    expect(answer.status).toBe(422);
    expect(answer.body.error?.details?.fields).toEqual({ assigneeId: "A private claim can only be assigned to its author" });
    expect((await patch(author, claim.id, { assigneeId: author.userId })).body).toMatchObject({ assignee: { id: author.userId } });
  });

  it("a claim assigned to someone else is not made private until they are unassigned (in the same request or before)", async () => {
    const claim = await makeClaim(author);
    await patch(author, claim.id, { assigneeId: colleague.userId, status: "checking" });
    const refused = await patch(author, claim.id, { visibility: "private", tags: ["energy"] });
    expect(refused.status).toBe(422);
    expect(refused.body.error?.details?.fields).toEqual({ visibility: "A private claim can only be assigned to its author" });
    expect(await stored(claim.id)).toMatchObject({ assigneeId: colleague.userId, historyCount: 2 });
    const together = await patch(author, claim.id, { visibility: "private", assigneeId: null });
    expect(together.status).toBe(200);
    expect(together.body).toMatchObject({ visibility: "private", assignee: null });
    // Assigned to its author, a private claim may go back and forth.
    expect((await patch(author, claim.id, { visibility: "team", assigneeId: author.userId })).status).toBe(200);
    expect((await patch(author, claim.id, { visibility: "private" })).status).toBe(200);
  });

  it("answers in the caller's language", async () => {
    const claim = await makeClaim(author);
    const headers = new Headers({ host: "margin.test", cookie: await unsafeCreateSessionCookie(author), "content-type": "application/json", "accept-language": "nl" });
    const response = await (claimRoute.PATCH as Handler)(
      new Request(`http://margin.test/api/claims/${claim.id}`, { method: "PATCH", headers, body: JSON.stringify({ status: "klaar" }) }),
      { params: Promise.resolve({ claimId: claim.id }) },
    );
    const body = (await response.json()) as Answer["body"];
    expect(body.error?.details?.fields).toEqual({ status: "De status moet een van deze zijn: open, checking, checked, not_checkable" });
  });
});

describe("a hidden claim", () => {
  it("its check is frozen (409) for those who could move it, refused (403) for others", async () => {
    const claim = await makeClaim(author);
    await patch(author, claim.id, { assigneeId: colleague.userId });
    await hideClaim(moderator, claim.id, { reason: "Off-topic" });
    for (const user of [author, colleague, moderator, owner]) {
      const answer = await patch(user, claim.id, { status: "checking" });
      expect(answer.status, user.name).toBe(409);
      expect(answer.body.error?.code).toBe("conflict");
    }
    expect((await patch(viewer, claim.id, { status: "checking" })).status).toBe(403);
    expect(await stored(claim.id)).toMatchObject({ status: "OPEN", historyCount: 1 });
  });

  it("its history is withheld like its thread: a 404 for members, readable by moderators and owners", async () => {
    const claim = await makeClaim(author);
    await patch(author, claim.id, { status: "checking" });
    await hideClaim(moderator, claim.id, { reason: "Off-topic" });
    for (const user of [author, colleague, viewer]) expect((await readHistory(user, claim.id)).status, user.name).toBe(404);
    for (const user of [moderator, owner]) {
      const answer = await readHistory(user, claim.id);
      expect(answer.status).toBe(200);
      expect(answer.body.items).toHaveLength(1);
    }
  });
});

/**
 * A claim's history and live event, against real PostgreSQL: each changed field of a check is one line (who,
 * from what, to what, when), an unchanged one none; every request appends one `claim.updated` event in the same
 * transaction as its lines (a failure after them leaves neither); the history lists other services' lines too.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { unsafeRecordClaimHistory } from "@/lib/checks/history";
import { listClaimHistory } from "@/lib/checks/service";
import { updateClaimInputSchema, type ClaimView, type UpdateClaimRequest } from "@/lib/claims/schema";
import { createClaim, getClaimForActor, updateClaim } from "@/lib/claims/service";
import { claimInputFor } from "@/lib/testing/claim-input";
import {
  disconnectTestDb,
  getTestDb,
  unsafeCreateTeamWithArticle,
  unsafeCreateUser,
  unsafeCreateUsers,
  type TestTeam,
  type TestUser,
} from "@/lib/testing/factories";
import { unsafeReadTeamEvents, unsafeReadTeamHead } from "@/lib/testing/live";

// A pass-through that a test can make fail after the event was written, to prove the lines and the event commit
// or roll back together with the change.
const failures = vi.hoisted(() => ({ liveEvent: false }));
vi.mock("@/lib/realtime/event-log", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/realtime/event-log")>();
  return {
    ...original,
    unsafeAppendLiveEvent: async (...args: Parameters<typeof original.unsafeAppendLiveEvent>) => {
      const seq = await original.unsafeAppendLiveEvent(...args);
      if (failures.liveEvent) throw new Error("simulated failure after the live event was written");
      return seq;
    },
  };
});

let moderator: TestUser;
let author: TestUser;
let colleague: TestUser;
let team: TestTeam;

const change = (actor: TestUser, claimId: string, request: UpdateClaimRequest) => updateClaim(actor, claimId, updateClaimInputSchema.parse(request));
const makeClaim = (): Promise<ClaimView> => createClaim(author, team.documentId, claimInputFor(team.documentText, "Weinig opties"));

/** Runs `action` and returns the live events it appended to the team's log. */
async function eventsOf(action: () => Promise<unknown>) {
  const head = await unsafeReadTeamHead(team.teamId);
  await action();
  return unsafeReadTeamEvents(team.teamId, head);
}

beforeAll(async () => {
  [moderator, author, colleague] = await unsafeCreateUsers("Moderator", "Author", "Colleague");
  team = await unsafeCreateTeamWithArticle([
    [moderator, "MODERATOR"],
    [author, "MEMBER"],
    [colleague, "MEMBER"],
  ]);
});

afterEach(() => {
  failures.liveEvent = false;
});

afterAll(disconnectTestDb);

describe("history lines", () => {
  it("one per changed field, with who, from and to (status names, people as { id, name }, ISO dates), oldest first", async () => {
    const claim = await makeClaim();
    await change(author, claim.id, { status: "checking", assigneeId: colleague.userId, dueAt: "2026-12-10" });
    await change(colleague, claim.id, { status: "checked", assigneeId: null, dueAt: "2026-12-12T15:00:00Z" });
    await change(moderator, claim.id, { dueAt: null });

    const history = await listClaimHistory(author, claim.id);
    const byAuthor = { id: author.userId, name: "Author" };
    const byColleague = { id: colleague.userId, name: "Colleague" };
    expect(history.map(({ field, from, to, actor }) => ({ field, from, to, actor }))).toEqual([
      { field: "status", from: "open", to: "checking", actor: byAuthor },
      { field: "assignee", from: null, to: byColleague, actor: byAuthor },
      { field: "due", from: null, to: "2026-12-10T00:00:00.000Z", actor: byAuthor },
      { field: "status", from: "checking", to: "checked", actor: byColleague },
      { field: "assignee", from: byColleague, to: null, actor: byColleague },
      { field: "due", from: "2026-12-10T00:00:00.000Z", to: "2026-12-12T15:00:00.000Z", actor: byColleague },
      { field: "due", from: "2026-12-12T15:00:00.000Z", to: null, actor: { id: moderator.userId, name: "Moderator" } },
    ]);
    const times = history.map((line) => Date.parse(line.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(history.map((line) => line.id)).size).toBe(history.length);
  });

  it("keeps an assignee's name as it was; the actor is named as they are now", async () => {
    const claim = await makeClaim();
    const renamed = await unsafeCreateUser("Dana Old");
    await getTestDb().membership.create({ data: { teamId: team.teamId, userId: renamed.userId, role: "MEMBER" } });
    await change(author, claim.id, { assigneeId: renamed.userId });
    await getTestDb().user.update({ where: { id: renamed.userId }, data: { name: "Dana New" } });
    await change(renamed, claim.id, { status: "checking" });

    const history = await listClaimHistory(author, claim.id);
    expect(history.find((line) => line.field === "assignee")?.to).toEqual({ id: renamed.userId, name: "Dana Old" });
    expect(history.find((line) => line.field === "status")?.actor).toEqual({ id: renamed.userId, name: "Dana New" });
    expect((await getClaimForActor(author, claim.id)).assignee).toEqual({ id: renamed.userId, name: "Dana New" });
  });

  it("records nothing, and appends no event, for a value set to what it already is", async () => {
    const claim = await makeClaim();
    await change(author, claim.id, { status: "checking", assigneeId: colleague.userId, dueAt: "2026-12-10" });
    const before = await getClaimForActor(author, claim.id);
    const events = await eventsOf(() =>
      change(author, claim.id, { status: "checking", assigneeId: colleague.userId, dueAt: "2026-12-10T01:00:00+01:00" }),
    );
    expect(events).toEqual([]);
    expect(await listClaimHistory(author, claim.id)).toHaveLength(3);
    expect((await getClaimForActor(author, claim.id)).updatedAt).toBe(before.updatedAt);
    // Of three fields, the one that changes is the one recorded.
    await change(author, claim.id, { status: "checking", assigneeId: colleague.userId, dueAt: null });
    expect((await listClaimHistory(author, claim.id)).map((line) => line.field)).toEqual(["status", "assignee", "due", "due"]);
  });

  it("lists the lines other services write (verdicts, evidence, thread), and a line whose actor is gone", async () => {
    const claim = await makeClaim();
    const leaver = await unsafeCreateUser("Leaver");
    await change(author, claim.id, { status: "checking" });
    await getTestDb().$transaction((tx) =>
      unsafeRecordClaimHistory(tx, [
        { claimId: claim.id, actorId: author.userId, field: "evidence.added", to: { id: "e1", title: "CBS cijfers" } },
        { claimId: claim.id, actorId: leaver.userId, field: "thread.resolved" },
      ]),
    );
    await getTestDb().user.delete({ where: { id: leaver.userId } });
    const history = await listClaimHistory(colleague, claim.id);
    expect(history.map(({ field, from, to, actor }) => ({ field, from, to, actor }))).toEqual([
      { field: "status", from: "open", to: "checking", actor: { id: author.userId, name: "Author" } },
      { field: "evidence.added", from: null, to: { id: "e1", title: "CBS cijfers" }, actor: { id: author.userId, name: "Author" } },
      { field: "thread.resolved", from: null, to: null, actor: null },
    ]);
  });
});

describe("the live event", () => {
  it("each request appends exactly one claim.updated event, whatever it changes", async () => {
    const claim = await makeClaim();
    const expected = { type: "claim.updated", documentId: team.documentId, claimId: claim.id, audience: "TEAM" };
    const checkOnly = await eventsOf(() => change(moderator, claim.id, { status: "checking", assigneeId: colleague.userId }));
    expect(checkOnly).toEqual([expect.objectContaining({ ...expected, actorId: moderator.userId })]);
    const mixed = await eventsOf(() => change(author, claim.id, { tags: ["energy"], status: "checked", dueAt: "2027-01-01" }));
    expect(mixed).toEqual([expect.objectContaining({ ...expected, actorId: author.userId })]);
    const byAssignee = await eventsOf(() => change(colleague, claim.id, { dueAt: null }));
    expect(byAssignee).toEqual([expect.objectContaining({ ...expected, actorId: colleague.userId })]);
  });

  it("a failure after the event leaves no status, no history line and no event", async () => {
    const claim = await makeClaim();
    failures.liveEvent = true;
    const head = await unsafeReadTeamHead(team.teamId);
    await expect(change(author, claim.id, { status: "checking", assigneeId: colleague.userId })).rejects.toThrow("simulated failure");
    failures.liveEvent = false;
    expect(await unsafeReadTeamEvents(team.teamId, head)).toEqual([]);
    expect(await unsafeReadTeamHead(team.teamId)).toBe(head);
    expect(await listClaimHistory(author, claim.id)).toEqual([]);
    expect(await getClaimForActor(author, claim.id)).toMatchObject({ status: "open", assignee: null });
  });

  it("a refused assignee rolls back the whole request: tags, status, lines and event", async () => {
    const claim = await makeClaim();
    const outsider = await unsafeCreateUser("Outsider");
    const events = await eventsOf(() =>
      expect(change(author, claim.id, { tags: ["energy"], status: "checking", assigneeId: outsider.userId })).rejects.toMatchObject({
        code: "validation_failed",
        details: { fields: { assigneeId: expect.any(String) } },
      }),
    );
    expect(events).toEqual([]);
    expect(await getClaimForActor(author, claim.id)).toMatchObject({ status: "open", tags: [] });
    expect(await listClaimHistory(author, claim.id)).toEqual([]);
  });
});

import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import {
  createSession,
  findLiveSessionActor,
  listSessionsForActor,
  revokeAllSessionsForActor,
  revokeSession,
  revokeSessionForActor,
  sessionMaxAgeSeconds,
  type Actor,
} from "@/lib/auth/sessions";
import { disconnectTestDb, getTestDb, unsafeCreateUser, type TestUser } from "@/lib/testing/factories";

let user: TestUser;

beforeAll(async () => {
  user = await unsafeCreateUser("Session user");
});

afterAll(disconnectTestDb);

describe("without a session", () => {
  it.each([
    { what: 'malformed id "nope"', id: "nope" },
    { what: "an empty id", id: "" },
    { what: "SQL in the id", id: "' OR '1'='1" },
    { what: "a random UUID", id: randomUUID() },
  ])("$what finds no actor, and revoking it is a harmless no-op", async ({ id }) => {
    expect(await findLiveSessionActor(id)).toBeNull();
    await expect(revokeSession(id)).resolves.toBeUndefined();
  });
});

describe("createSession and findLiveSessionActor", () => {
  it("a new session resolves to its user", async () => {
    const before = Date.now();
    const sessionId = await createSession(user.userId, "Mozilla/5.0 (Test)");
    expect(await findLiveSessionActor(sessionId)).toEqual({ userId: user.userId, sessionId, name: user.name, email: user.email, locale: null });
    const row = await getTestDb().session.findUniqueOrThrow({ where: { id: sessionId } });
    expect(row).toMatchObject({ userId: user.userId, userAgent: "Mozilla/5.0 (Test)", revokedAt: null });
    const lifetime = row.expiresAt.getTime() - before;
    expect(lifetime).toBeGreaterThanOrEqual(sessionMaxAgeSeconds * 1000 - 5_000);
    expect(lifetime).toBeLessThanOrEqual(sessionMaxAgeSeconds * 1000 + 5_000);
  });

  it("caps the stored user agent at 512 characters and accepts none", async () => {
    const long = await createSession(user.userId, "U".repeat(2_000));
    const none = await createSession(user.userId, null);
    const db = getTestDb();
    expect((await db.session.findUniqueOrThrow({ where: { id: long } })).userAgent).toHaveLength(512);
    expect((await db.session.findUniqueOrThrow({ where: { id: none } })).userAgent).toBeNull();
  });

  it("a revoked session resolves to nobody; the user's other sessions stay live", async () => {
    const revoked = await createSession(user.userId, null);
    const other = await createSession(user.userId, null);
    await revokeSession(revoked);
    expect(await findLiveSessionActor(revoked)).toBeNull();
    expect((await findLiveSessionActor(other))?.userId).toBe(user.userId);
    const row = await getTestDb().session.findUniqueOrThrow({ where: { id: revoked } });
    expect(row.revokedAt).not.toBeNull();
  });

  it("revoking twice keeps the first revocation time", async () => {
    const sessionId = await createSession(user.userId, null);
    await revokeSession(sessionId);
    const first = (await getTestDb().session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await revokeSession(sessionId);
    expect((await getTestDb().session.findUniqueOrThrow({ where: { id: sessionId } })).revokedAt).toEqual(first);
  });

  it("an expired session resolves to nobody", async () => {
    const sessionId = await createSession(user.userId, null);
    await getTestDb().session.update({ where: { id: sessionId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect(await findLiveSessionActor(sessionId)).toBeNull();
  });

  it("a session whose user was deleted resolves to nobody", async () => {
    const gone = await unsafeCreateUser("Deleted user");
    const sessionId = await createSession(gone.userId, null);
    await getTestDb().user.delete({ where: { id: gone.userId } });
    expect(await findLiveSessionActor(sessionId)).toBeNull();
  });

  it("refreshes lastSeenAt when it is stale", async () => {
    const sessionId = await createSession(user.userId, null);
    const stale = new Date(Date.now() - 10 * 60_000);
    const db = getTestDb();
    await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: stale } });
    expect((await findLiveSessionActor(sessionId))?.sessionId).toBe(sessionId);
    // The refresh is fire-and-forget, so wait for it.
    await vi.waitFor(
      async () => {
        const row = await db.session.findUniqueOrThrow({ where: { id: sessionId } });
        expect(row.lastSeenAt.getTime()).toBeGreaterThan(stale.getTime() + 60_000);
      },
      { timeout: 5_000, interval: 50 },
    );
  });
});

const chromeOnLinux = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36";
const safariOnIphone =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/** A fresh user signed in on a laptop (the acting session) and a phone. */
async function signedInTwice(): Promise<{ actor: Actor; laptop: string; phone: string }> {
  const person = await unsafeCreateUser("Two devices");
  // The factory's own session is not part of these scenarios.
  await revokeSession(person.sessionId);
  const laptop = await createSession(person.userId, chromeOnLinux);
  const phone = await createSession(person.userId, safariOnIphone);
  const actor = await findLiveSessionActor(laptop);
  if (!actor) throw new Error("the new session should be live");
  return { actor, laptop, phone };
}

describe("listSessionsForActor", () => {
  it("lists the actor's live sessions, the current one first and marked, with devices and times", async () => {
    const { actor, laptop, phone } = await signedInTwice();
    // The phone was used more recently: it still comes after the current session.
    await getTestDb().session.update({ where: { id: phone }, data: { lastSeenAt: new Date(Date.now() + 1_000) } });
    const sessions = await listSessionsForActor(actor);
    expect(sessions).toEqual([
      { id: laptop, device: "Chrome on Linux", platform: "desktop", createdAt: expect.any(String), lastSeenAt: expect.any(String), isCurrent: true },
      { id: phone, device: "Safari on iPhone", platform: "mobile", createdAt: expect.any(String), lastSeenAt: expect.any(String), isCurrent: false },
    ]);
    expect(Number.isNaN(Date.parse(sessions[0]!.createdAt))).toBe(false);
  });

  it("leaves out ended and expired sessions, and everybody else's", async () => {
    const { actor, laptop, phone } = await signedInTwice();
    const expired = await createSession(actor.userId, null);
    await getTestDb().session.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await revokeSession(phone);
    await unsafeCreateUser("Someone else");
    expect((await listSessionsForActor(actor)).map((session) => session.id)).toEqual([laptop]);
  });
});

describe("revokeSessionForActor", () => {
  it("ends the actor's other session: it no longer resolves, the current one still does", async () => {
    const { actor, laptop, phone } = await signedInTwice();
    await revokeSessionForActor(actor, phone);
    expect(await findLiveSessionActor(phone)).toBeNull();
    expect((await findLiveSessionActor(laptop))?.userId).toBe(actor.userId);
  });

  it("another user's session id is a 404 not_found, and that session stays live", async () => {
    const { actor } = await signedInTwice();
    const other = await unsafeCreateUser("Other person");
    await expect(revokeSessionForActor(actor, other.sessionId)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    expect((await findLiveSessionActor(other.sessionId))?.userId).toBe(other.userId);
  });

  it.each([
    { what: "a random UUID", id: () => randomUUID() },
    { what: "a malformed id", id: () => "not-a-uuid" },
    { what: "an empty id", id: () => "" },
  ])("$what is a 404 not_found", async ({ id }) => {
    const { actor } = await signedInTwice();
    await expect(revokeSessionForActor(actor, id())).rejects.toMatchObject({ code: "not_found" });
  });

  it("a session that already ended is a 404 not_found, and keeps its first revocation time", async () => {
    const { actor, phone } = await signedInTwice();
    await revokeSessionForActor(actor, phone);
    const first = (await getTestDb().session.findUniqueOrThrow({ where: { id: phone } })).revokedAt;
    await expect(revokeSessionForActor(actor, phone)).rejects.toMatchObject({ code: "not_found" });
    expect((await getTestDb().session.findUniqueOrThrow({ where: { id: phone } })).revokedAt).toEqual(first);
  });

  it("may end the current session itself", async () => {
    const { actor, laptop } = await signedInTwice();
    await revokeSessionForActor(actor, laptop);
    expect(await findLiveSessionActor(laptop)).toBeNull();
  });
});

describe("revokeAllSessionsForActor", () => {
  it("ends every session of the actor, the current one included, and nobody else's", async () => {
    const { actor, laptop, phone } = await signedInTwice();
    const other = await unsafeCreateUser("Bystander");
    expect(await revokeAllSessionsForActor(actor)).toBe(2);
    expect(await findLiveSessionActor(laptop)).toBeNull();
    expect(await findLiveSessionActor(phone)).toBeNull();
    expect((await findLiveSessionActor(other.sessionId))?.userId).toBe(other.userId);
    expect(await listSessionsForActor(actor)).toEqual([]);
  });
});

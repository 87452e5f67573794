import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createSession, findLiveSessionActor, revokeSession, sessionMaxAgeSeconds } from "@/lib/auth/sessions";
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
    expect(await findLiveSessionActor(sessionId)).toEqual({ userId: user.userId, sessionId, name: user.name, email: user.email });
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

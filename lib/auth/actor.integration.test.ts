import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { disconnectTestDb, unsafeCreateUser, type TestUser } from "@/lib/testing/factories";

// The Auth.js secret the actor module decodes with; set before lib/env.ts first reads the environment.
process.env.AUTH_SECRET ??= "integration-test-secret-integration-test-secret";

const { getRequestActor } = await import("@/lib/auth/actor");
const { createSession, revokeAllSessionsForActor, revokeSessionForActor } = await import("@/lib/auth/sessions");

const cookieName = "authjs.session-token";

/** A request carrying a session cookie for `sessionId`, encoded as Auth.js does at sign-in. */
async function requestWithSession(sessionId: string, name: string = cookieName): Promise<Request> {
  const token = await encode({ token: { sub: "ignored", sid: sessionId }, secret: process.env.AUTH_SECRET!, salt: name, maxAge: 3600 });
  return new Request("http://margin.test/api/documents", { headers: { cookie: `theme=dark; ${name}=${token}` } });
}

let person: TestUser;

beforeAll(async () => {
  person = await unsafeCreateUser("Cookie holder");
});

afterAll(disconnectTestDb);

describe("getRequestActor", () => {
  it("without a cookie, or with a forged one, is anonymous", async () => {
    expect(await getRequestActor(new Request("http://margin.test/"))).toBeNull();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const forged = new Request("http://margin.test/", { headers: { cookie: `${cookieName}=not-a-jwe` } });
    expect(await getRequestActor(forged)).toBeNull();
    warn.mockRestore();
  });

  it("resolves the session's user, also from the https cookie name", async () => {
    const sessionId = await createSession(person.userId, null);
    expect(await getRequestActor(await requestWithSession(sessionId))).toMatchObject({ userId: person.userId, sessionId });
    const secure = await requestWithSession(sessionId, "__Secure-authjs.session-token");
    expect(await getRequestActor(secure)).toMatchObject({ userId: person.userId, sessionId });
  });

  // The decoded-token cache maps a token to its session id only; the session itself is checked in the database
  // on every request, so a cached token must not keep an ended session alive for even one request.
  it("a revoked session is anonymous on the very next request, although its token is cached", async () => {
    const sessionId = await createSession(person.userId, null);
    const request = await requestWithSession(sessionId);
    const actor = await getRequestActor(request);
    expect(actor?.sessionId).toBe(sessionId);
    // Same token again: served from the cache.
    expect((await getRequestActor(request.clone()))?.sessionId).toBe(sessionId);
    await revokeSessionForActor(actor!, sessionId);
    expect(await getRequestActor(request.clone())).toBeNull();
  });

  it("after signing out everywhere, every cached token of the user is anonymous", async () => {
    const first = await createSession(person.userId, null);
    const second = await createSession(person.userId, null);
    const requests = [await requestWithSession(first), await requestWithSession(second)];
    const actors = await Promise.all(requests.map((request) => getRequestActor(request)));
    expect(actors.map((actor) => actor?.sessionId)).toEqual([first, second]);
    await revokeAllSessionsForActor(actors[0]!);
    expect(await Promise.all(requests.map((request) => getRequestActor(request.clone())))).toEqual([null, null]);
  });
});

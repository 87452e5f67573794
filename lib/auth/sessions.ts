import "server-only";

import { z } from "zod";

import { describeUserAgent } from "@/lib/auth/user-agent";
import { getDb, getPool } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** How long a signed-in browser stays signed in without signing in again. */
export const sessionMaxAgeSeconds = 30 * 24 * 60 * 60;
/** `lastSeenAt` is refreshed at most this often, so reads do not turn into writes on every request. */
const lastSeenRefreshMs = 60_000;

/** The signed-in user on whose behalf a request acts. Every service function takes one. */
export type Actor = {
  userId: string;
  sessionId: string;
  name: string;
  email: string;
  /** The interface language the user chose ("en", "nl"), or null to follow the browser. */
  locale: string | null;
};

const sessionIdSchema = z.uuid();

/** Opens a session row for a user who just proved their credentials. */
export async function createSession(userId: string, userAgent: string | null): Promise<string> {
  const session = await getDb().session.create({
    data: {
      userId,
      userAgent: userAgent?.slice(0, 512) ?? null,
      expiresAt: new Date(Date.now() + sessionMaxAgeSeconds * 1000),
    },
    select: { id: true },
  });
  return session.id;
}

/** Ends a session; the JWT that carries its id stops working on the next request. */
export async function revokeSession(sessionId: string): Promise<void> {
  if (!sessionIdSchema.safeParse(sessionId).success) return;
  await getDb().session.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
}

type SessionActorRow = Actor & { lastSeenAt: Date };

/**
 * Looks a session id up, returning its user when the session is live (not revoked, not expired).
 * One indexed query (a join on primary keys), run on every authenticated request, so it is a prepared
 * statement on the pool rather than a Prisma query (lib/db.ts).
 */
export async function findLiveSessionActor(sessionId: string): Promise<Actor | null> {
  if (!sessionIdSchema.safeParse(sessionId).success) return null;
  const { rows } = await getPool().query<SessionActorRow>({
    name: "find-live-session-actor",
    text: `SELECT s.id AS "sessionId", s.last_seen_at AS "lastSeenAt", u.id AS "userId", u.name, u.email, u.locale
           FROM sessions s JOIN users u ON u.id = s.user_id
           WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > now()`,
    values: [sessionId],
  });
  const row = rows[0];
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > lastSeenRefreshMs) {
    // Bookkeeping only: a failure here must not fail the request, but it is logged.
    getDb().session
      .update({ where: { id: row.sessionId }, data: { lastSeenAt: new Date() } })
      .catch((error: unknown) => console.error("Could not refresh session lastSeenAt", error));
  }
  return { userId: row.userId, sessionId: row.sessionId, name: row.name, email: row.email, locale: row.locale };
}

/** A signed-in browser as its owner sees it on the sessions page. */
export type SessionView = {
  id: string;
  /** "Chrome on Linux", from the user agent stored at sign-in. */
  device: string;
  /** "desktop", "mobile", … or null when unknown. */
  platform: string | null;
  createdAt: string;
  lastSeenAt: string;
  /** The session this very request is made with ("This device"). */
  isCurrent: boolean;
};

/**
 * The actor's live sessions (not revoked, not expired): the current one first, then the most recently used.
 * Only ever the actor's own: the query is scoped by their user id.
 */
export async function listSessionsForActor(actor: Actor): Promise<SessionView[]> {
  const sessions = await getDb().session.findMany({
    where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { id: true, userAgent: true, createdAt: true, lastSeenAt: true },
    orderBy: [{ lastSeenAt: "desc" }, { createdAt: "desc" }],
    take: 100,
  });
  const views = sessions.map((session) => {
    const device = describeUserAgent(session.userAgent);
    return {
      id: session.id,
      device: device.label,
      platform: device.platform,
      createdAt: session.createdAt.toISOString(),
      lastSeenAt: session.lastSeenAt.toISOString(),
      isCurrent: session.id === actor.sessionId,
    };
  });
  return views.sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}

/**
 * Ends one of the actor's sessions; the browser holding it is signed out on its very next request. Someone
 * else's session, an already ended one and a malformed or unknown id are all the same 404. Ending the current
 * session is allowed (the caller should then clear the cookie, as signing out does).
 */
export async function revokeSessionForActor(actor: Actor, sessionId: string): Promise<void> {
  if (!sessionIdSchema.safeParse(sessionId).success) throw notFound("errors.auth.sessionNotFound");
  const { count } = await getDb().session.updateMany({
    where: { id: sessionId, userId: actor.userId, revokedAt: null, expiresAt: { gt: new Date() } },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("errors.auth.sessionNotFound");
}

/** Ends every session of the actor, the current one included ("Sign out everywhere"). Returns how many ended. */
export async function revokeAllSessionsForActor(actor: Actor): Promise<number> {
  const { count } = await getDb().session.updateMany({
    where: { userId: actor.userId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count;
}

/**
 * Session cookies for tests that call route handlers: the Auth.js JWT a browser would hold for a factory user's
 * session, sealed with the test process's AUTH_SECRET (set here when the test did not set one).
 */
import { encode } from "next-auth/jwt";

import type { TestUser } from "@/lib/testing/factories";

process.env.AUTH_SECRET ??= "margin-test-secret-margin-test-secret-0123";

/** The `Cookie` header value that signs `user` in with their factory session (or `sessionId`, one of theirs). */
export async function unsafeCreateSessionCookie(user: Pick<TestUser, "userId" | "sessionId">): Promise<string> {
  const token = await encode({
    token: { sub: user.userId, sid: user.sessionId },
    secret: process.env.AUTH_SECRET!,
    salt: "authjs.session-token",
  });
  return `authjs.session-token=${token}`;
}

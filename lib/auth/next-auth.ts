import "server-only";

import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { signInSchema } from "@/lib/auth/schema";
import { createSession, revokeSession, sessionMaxAgeSeconds } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/users";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The `sessions` row this browser signed in as; checked against the database on every request. */
    sid?: string;
  }
}

/**
 * Auth.js (next-auth v5). Credentials require JWT sessions; the JWT only carries a session id, and
 * lib/auth/actor.ts checks that id against the `sessions` table on every request, which makes sessions
 * revocable. Nothing else in the app reads the JWT.
 */
export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  logger: {
    // A wrong password is an expected outcome (the form says so), not a server error worth a stack trace.
    error(error) {
      if (error.name === "CredentialsSignin") return;
      console.error("[auth]", error);
    },
  },
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await verifyCredentials(parsed.data);
        if (!user) return null;
        const sessionId = await createSession(user.id, request.headers.get("user-agent"));
        return { id: user.id, name: user.name, email: user.email, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      // `user` is set only at sign-in; later calls carry the token unchanged. Keep the token minimal.
      if (user?.sessionId) return { sub: user.id, sid: user.sessionId };
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  events: {
    async signOut(message) {
      if ("token" in message && message.token?.sid) await revokeSession(message.token.sid);
    },
  },
});

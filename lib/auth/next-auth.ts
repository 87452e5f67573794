import "server-only";

import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { NextRequest } from "next/server";

import { signInWithOAuthIdentity } from "@/lib/auth/oauth-accounts";
import { buildOAuthProviders, toOAuthIdentity } from "@/lib/auth/oauth-providers";
import { resetSignInFailures } from "@/lib/auth/rate-limit";
import { signInSchema } from "@/lib/auth/schema";
import { createSession, revokeSession, sessionMaxAgeSeconds } from "@/lib/auth/sessions";
import { verifyCredentials } from "@/lib/auth/users";
import { getEnv, getOAuthEnv } from "@/lib/env";

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
 * revocable. Nothing else in the app reads the JWT. OAuth/OIDC sign-ins (lib/auth/oauth-providers.ts) end the
 * same way: a `sessions` row whose id goes into the JWT.
 *
 * The configuration is built per request (a function, not an object) so the environment is read at run time,
 * never during `next build`, and the OAuth callback can record the browser's user agent.
 */
function createAuthConfig(request: NextRequest | undefined): NextAuthConfig {
  const env = getEnv();
  return {
    trustHost: true,
    // Cookies: HttpOnly and SameSite=Lax always. `Secure` (and the __Secure- name prefix) follows AUTH_URL's
    // protocol when it is set; otherwise each request's protocol, which behind a TLS-terminating proxy comes
    // from X-Forwarded-Proto. Set AUTH_URL=https://… in production so this never depends on a header.
    useSecureCookies: env.AUTH_URL ? new URL(env.AUTH_URL).protocol === "https:" : undefined,
    cookies: { sessionToken: { options: { httpOnly: true, sameSite: "lax", path: "/" } } },
    logger: {
      // A wrong password is an expected outcome (the form says so), not a server error worth a stack trace.
      // (`instanceof`, not `error.name`: class names are minified in the production build.)
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error("[auth]", error);
      },
    },
    session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
    // Failed OAuth sign-ins come back to the sign-in page with ?error=…, which it explains.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        // Rate limits are counted before this runs, by the entry points that can answer 429 (the sign-in
        // action and app/api/auth's route handler); a success clears the account's failures here, on both paths.
        async authorize(credentials, authorizeRequest) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await verifyCredentials(parsed.data);
          if (!user) return null;
          await resetSignInFailures(parsed.data.email).catch((error: unknown) =>
            // The sign-in itself succeeded; a stale failure count only means an earlier lock-out.
            console.error("Could not reset sign-in failures", error),
          );
          const sessionId = await createSession(user.id, authorizeRequest.headers.get("user-agent"));
          return { id: user.id, name: user.name, email: user.email, sessionId };
        },
      }),
      ...buildOAuthProviders(getOAuthEnv()),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type === "credentials") return true;
        // OAuth/OIDC: find, link or create the Margin user (lib/auth/oauth-accounts.ts), then open a session
        // like credentials do. `user` is the object Auth.js hands on to the jwt callback below.
        const identity = toOAuthIdentity(account.provider, profile as Record<string, unknown> | undefined);
        if (!identity) return false;
        const result = await signInWithOAuthIdentity(identity, { joinDemoTeam: env.MARGIN_DEMO });
        if (result.outcome === "refused") {
          console.warn(`[auth] ${identity.provider} sign-in refused: ${result.reason}`);
          return false;
        }
        user.id = result.user.id;
        user.name = result.user.name;
        user.email = result.user.email;
        user.sessionId = await createSession(result.user.id, request?.headers.get("user-agent") ?? null);
        return true;
      },
      jwt({ token, user }) {
        // `user` is set only at sign-in; later calls carry the token unchanged. Keep the token minimal.
        if (user?.sessionId && user.id) return { sub: user.id, sid: user.sessionId };
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
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(createAuthConfig);

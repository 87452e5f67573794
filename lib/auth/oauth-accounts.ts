import "server-only";

import type { OAuthIdentity } from "@/lib/auth/oauth-providers";
import type { AuthenticatedUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { unsafeJoinDemoTeam } from "@/lib/teams/demo";

export type OAuthSignInResult =
  | { outcome: "existing" | "linked" | "created"; user: AuthenticatedUser }
  | { outcome: "refused"; reason: "no_email" | "email_unverified" };

const userSelect = { id: true, name: true, email: true } as const;

/**
 * Finds or creates the Margin user a provider's sign-in belongs to. Margin has no Auth.js adapter (sessions are
 * JWTs carrying a `sessions` row id), so this is the adapter's account logic, in one transaction:
 *
 * 1. An `accounts` row for (provider, providerAccountId) → its user ("existing").
 * 2. Else a user with the same email → linked, but only when the provider verified the email ("linked");
 *    otherwise refused, so nobody takes over an account by registering its email unverified at some provider.
 * 3. Else a new user without a password, linked to the account ("created"); in demo mode they join the demo
 *    team, like sign-up. A provider that gives no usable email is refused: Margin identifies people by email.
 *
 * Authorises nothing: the provider has just authenticated the person, and this is their own sign-in.
 */
export async function signInWithOAuthIdentity(identity: OAuthIdentity, options: { joinDemoTeam: boolean }): Promise<OAuthSignInResult> {
  try {
    return await resolve(identity, options);
  } catch (error) {
    // Two first sign-ins racing (two tabs): the loser's insert hits a unique key; the winner's rows now exist.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return resolve(identity, options);
    throw error;
  }
}

function resolve(identity: OAuthIdentity, options: { joinDemoTeam: boolean }): Promise<OAuthSignInResult> {
  const { provider, providerAccountId } = identity;
  return getDb().$transaction(async (tx): Promise<OAuthSignInResult> => {
    const account = await tx.account.findUnique({
      where: { provider_providerAccountId: { provider, providerAccountId } },
      select: { user: { select: userSelect } },
    });
    if (account) return { outcome: "existing", user: account.user };
    if (!identity.email) return { outcome: "refused", reason: "no_email" };

    const sameEmail = await tx.user.findUnique({ where: { email: identity.email }, select: userSelect });
    if (sameEmail) {
      if (!identity.emailVerified) return { outcome: "refused", reason: "email_unverified" };
      await tx.account.create({ data: { provider, providerAccountId, userId: sameEmail.id } });
      return { outcome: "linked", user: sameEmail };
    }

    const user = await tx.user.create({
      data: { email: identity.email, name: identity.name, passwordHash: null, accounts: { create: { provider, providerAccountId } } },
      select: userSelect,
    });
    if (options.joinDemoTeam) await unsafeJoinDemoTeam(tx, user.id);
    return { outcome: "created", user };
  });
}

import "server-only";

import { hashPassword, verifyAgainstDummyHash, verifyPassword } from "@/lib/auth/password";
import { assertPasswordAccepted } from "@/lib/auth/password-policy";
import type { SignInInput, SignUpInput } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { unsafeJoinDemoTeam } from "@/lib/teams/demo";

export type AuthenticatedUser = { id: string; name: string; email: string };


/**
 * Creates an account. The password must pass the policy (lib/auth/password-policy.ts, 422 with zxcvbn's
 * feedback otherwise). In demo mode the new user also joins the demo team as a member, so a fresh install is
 * usable at once. Email uniqueness is enforced by the database (a race cannot create two accounts); a taken
 * email is a 409 with a generic message, after the same hashing work as a success, so neither the words nor
 * the timing single it out.
 */
export async function registerUser(input: SignUpInput, options: { joinDemoTeam: boolean }): Promise<AuthenticatedUser> {
  await assertPasswordAccepted(input.password, { name: input.name, email: input.email });
  const passwordHash = await hashPassword(input.password);
  try {
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: input.email, passwordHash },
        select: { id: true, name: true, email: true },
      });
      if (options.joinDemoTeam) await unsafeJoinDemoTeam(tx, user.id);
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      // One message, which does not confirm that the account exists.
      throw new AppError("conflict", "errors.auth.signUpRefused", { fields: { email: "errors.auth.signUpRefused" } });
    }
    throw error;
  }
}

/** Returns the user whose email and password match, or null. Takes as long for unknown emails. */
export async function verifyCredentials(input: SignInInput): Promise<AuthenticatedUser | null> {
  const user = await getDb().user.findUnique({
    where: { email: input.email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  // No account, or an account without a password (OAuth only): spend the same time, then fail.
  if (!user?.passwordHash) return verifyAgainstDummyHash(input.password).then(() => null);
  if (!(await verifyPassword(user.passwordHash, input.password))) return null;
  return { id: user.id, name: user.name, email: user.email };
}

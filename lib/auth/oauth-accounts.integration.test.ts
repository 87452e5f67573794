import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { signInWithOAuthIdentity } from "@/lib/auth/oauth-accounts";
import { toOAuthIdentity, type OAuthIdentity } from "@/lib/auth/oauth-providers";
import { demoTeamName } from "@/lib/teams/demo";
import { disconnectTestDb, getTestDb, unsafeCreateUser } from "@/lib/testing/factories";

afterAll(disconnectTestDb);

const noDemo = { joinDemoTeam: false };

/** A fake OIDC profile, as Google or an OIDC provider would send it, read the way the sign-in callback does. */
function identity(overrides: Record<string, unknown> = {}, provider = "oidc"): OAuthIdentity {
  const profile = { sub: `sub-${randomUUID()}`, email: `sso.${randomUUID().slice(0, 8)}@example.test`, email_verified: true, name: "Sso Person", ...overrides };
  const result = toOAuthIdentity(provider, profile);
  if (!result) throw new Error("the fake profile should be usable");
  return result;
}

describe("a first sign-in with a provider", () => {
  it("creates a user without a password, linked to the provider account", async () => {
    const person = identity();
    const result = await signInWithOAuthIdentity(person, noDemo);
    expect(result).toEqual({ outcome: "created", user: { id: expect.any(String), name: "Sso Person", email: person.email } });
    if (result.outcome === "refused") throw new Error("unexpected");
    const row = await getTestDb().user.findUniqueOrThrow({ where: { id: result.user.id }, include: { accounts: true, memberships: true } });
    expect(row.passwordHash).toBeNull();
    expect(row.accounts.map(({ provider, providerAccountId }) => ({ provider, providerAccountId }))).toEqual([
      { provider: "oidc", providerAccountId: person.providerAccountId },
    ]);
    expect(row.memberships).toEqual([]);
  });

  it("creates the user even when the provider did not verify the email, if no account has it", async () => {
    const result = await signInWithOAuthIdentity(identity({ email_verified: false }), noDemo);
    expect(result.outcome).toBe("created");
  });

  it("in demo mode, joins the demo team as a member, like sign-up", async () => {
    const db = getTestDb();
    const demo =
      (await db.team.findFirst({ where: { name: demoTeamName }, orderBy: { createdAt: "asc" } })) ??
      (await db.team.create({ data: { name: demoTeamName } }));
    const result = await signInWithOAuthIdentity(identity(), { joinDemoTeam: true });
    if (result.outcome === "refused") throw new Error("unexpected");
    expect(await db.membership.findMany({ where: { userId: result.user.id }, select: { teamId: true, role: true } })).toEqual([
      { teamId: demo.id, role: "MEMBER" },
    ]);
  });

  it("is refused when the provider gives no email (Margin identifies people by email)", async () => {
    const person = identity({ email: null });
    expect(await signInWithOAuthIdentity(person, noDemo)).toEqual({ outcome: "refused", reason: "no_email" });
    expect(await getTestDb().account.count({ where: { providerAccountId: person.providerAccountId } })).toBe(0);
  });
});

describe("signing in again", () => {
  it("finds the user by provider account, even after the email changed at the provider", async () => {
    const first = identity();
    const created = await signInWithOAuthIdentity(first, noDemo);
    const again = await signInWithOAuthIdentity({ ...first, email: `changed.${randomUUID().slice(0, 6)}@example.test`, emailVerified: false }, noDemo);
    expect(again).toEqual({ outcome: "existing", user: (created as { user: unknown }).user });
  });

  it("the same account id at another provider is another account", async () => {
    const github = identity({ id: 4242, sub: undefined, login: "same" }, "github");
    const oidc = { ...identity({ sub: "4242" }), email: `other.${randomUUID().slice(0, 6)}@example.test` };
    const a = await signInWithOAuthIdentity(github, noDemo);
    const b = await signInWithOAuthIdentity(oidc, noDemo);
    expect(a.outcome).toBe("created");
    expect(b.outcome).not.toBe("refused");
    if (a.outcome !== "refused" && b.outcome !== "refused") expect(a.user.id).not.toBe(b.user.id);
  });
});

describe("an existing Margin account with the same email", () => {
  it("is linked when the provider verified the email; later sign-ins find it by account", async () => {
    const member = await unsafeCreateUser("Password person");
    const person = identity({ email: member.email.toUpperCase(), email_verified: true });
    expect(await signInWithOAuthIdentity(person, noDemo)).toEqual({
      outcome: "linked",
      user: { id: member.userId, name: member.name, email: member.email },
    });
    expect((await signInWithOAuthIdentity(person, noDemo)).outcome).toBe("existing");
    // The password still works: linking changes nothing about the account itself.
    const row = await getTestDb().user.findUniqueOrThrow({ where: { id: member.userId } });
    expect(row.passwordHash).not.toBeNull();
  });

  it("is NOT linked when the email is unverified: refused, nothing written", async () => {
    const member = await unsafeCreateUser("Target person");
    const attacker = identity({ email: member.email, email_verified: false });
    expect(await signInWithOAuthIdentity(attacker, noDemo)).toEqual({ outcome: "refused", reason: "email_unverified" });
    expect(await getTestDb().account.count({ where: { userId: member.userId } })).toBe(0);
    expect(await getTestDb().user.count({ where: { email: member.email } })).toBe(1);
  });
});

describe("two first sign-ins at once", () => {
  it("end up with one user and one account link", async () => {
    const person = identity();
    const results = await Promise.all([signInWithOAuthIdentity(person, noDemo), signInWithOAuthIdentity(person, noDemo)]);
    const ids = new Set(results.map((result) => (result.outcome === "refused" ? null : result.user.id)));
    expect(ids.size).toBe(1);
    expect(await getTestDb().user.count({ where: { email: person.email! } })).toBe(1);
    expect(await getTestDb().account.count({ where: { providerAccountId: person.providerAccountId } })).toBe(1);
  });
});

import { randomUUID } from "node:crypto";

import { verify } from "@node-rs/argon2";
import { afterAll, describe, expect, it } from "vitest";

import { signInSchema, signUpSchema } from "@/lib/auth/schema";
import { registerUser, verifyCredentials } from "@/lib/auth/users";
import { demoTeamName } from "@/lib/teams/demo";
import { disconnectTestDb, getTestDb } from "@/lib/testing/factories";

afterAll(disconnectTestDb);

const password = "correct horse battery staple";

/** A unique address with mixed case and padding, as a person might type it. */
function typedEmail(): { typed: string; stored: string } {
  const local = `Ana.${randomUUID().slice(0, 8)}`;
  return { typed: `  ${local}@Example.TEST `, stored: `${local.toLowerCase()}@example.test` };
}

/** Registers through the same parsing the sign-up form uses. */
function register(email: string, options = { joinDemoTeam: false }) {
  return registerUser(signUpSchema.parse({ name: " Ana de Vries ", email, password }), options);
}

describe("without an account", () => {
  it("verifyCredentials returns null for an unknown email", async () => {
    const { typed } = typedEmail();
    expect(await verifyCredentials(signInSchema.parse({ email: typed, password }))).toBeNull();
  });
});

describe("registerUser", () => {
  it("stores a lower-cased email and an argon2id hash, never the password", async () => {
    const { typed, stored } = typedEmail();
    const user = await register(typed);
    expect(user).toEqual({ id: expect.any(String), name: "Ana de Vries", email: stored });
    const row = await getTestDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(stored);
    expect(row.passwordHash).toMatch(/^\$argon2id\$/u);
    expect(row.passwordHash).not.toContain(password);
    expect(await verify(row.passwordHash!, password)).toBe(true);
    expect(await verify(row.passwordHash!, `${password}!`)).toBe(false);
    expect(Object.keys(user)).not.toContain("passwordHash");
  });

  it("salts each hash: the same password gives different hashes", async () => {
    const [a, b] = await Promise.all([register(typedEmail().typed), register(typedEmail().typed)]);
    const rows = await getTestDb().user.findMany({ where: { id: { in: [a.id, b.id] } }, select: { passwordHash: true } });
    expect(rows).toHaveLength(2);
    expect(rows[0]?.passwordHash).not.toBe(rows[1]?.passwordHash);
  });

  it("refuses a second account for the same email, whatever its case: conflict with a generic message, one row", async () => {
    const { typed, stored } = typedEmail();
    await register(typed);
    const signUpRefusedMessage = "We could not create an account with this email. If you already have one, sign in instead.";
    await expect(register(stored.toUpperCase())).rejects.toMatchObject({
      name: "AppError",
      code: "conflict",
      message: signUpRefusedMessage,
      details: { fields: { email: signUpRefusedMessage } },
    });
    expect(signUpRefusedMessage).not.toMatch(/exists/u);
    expect(await getTestDb().user.count({ where: { email: { equals: stored, mode: "insensitive" } } })).toBe(1);
  });

  it.each([
    { what: "a common password", weak: "password1234" },
    { what: "one built from the person's own name", weak: "AnaDeVries!2024" },
  ])("refuses $what with zxcvbn's feedback as the password field's error, and creates nothing", async ({ weak }) => {
    const { typed, stored } = typedEmail();
    await expect(
      registerUser(signUpSchema.parse({ name: "Ana de Vries", email: typed, password: weak }), { joinDemoTeam: false }),
    ).rejects.toMatchObject({ code: "validation_failed", details: { fields: { password: expect.stringMatching(/too easy to guess/u) } } });
    expect(await getTestDb().user.count({ where: { email: stored } })).toBe(0);
  });

  it("joins no team unless asked to", async () => {
    const user = await register(typedEmail().typed);
    expect(await getTestDb().membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("in demo mode joins the demo team as a MEMBER", async () => {
    const db = getTestDb();
    const demo =
      (await db.team.findFirst({ where: { name: demoTeamName }, orderBy: { createdAt: "asc" } })) ??
      (await db.team.create({ data: { name: demoTeamName } }));
    const user = await register(typedEmail().typed, { joinDemoTeam: true });
    const memberships = await db.membership.findMany({ where: { userId: user.id }, select: { teamId: true, role: true } });
    expect(memberships).toEqual([{ teamId: demo.id, role: "MEMBER" }]);
  });
});

describe("verifyCredentials", () => {
  it.each([
    { what: "the right password, email typed in another case", email: (stored: string) => stored.toUpperCase(), password, ok: true },
    { what: "a wrong password", email: (stored: string) => stored, password: "wrong horse battery staple", ok: false },
    { what: "the password in another case", email: (stored: string) => stored, password: password.toUpperCase(), ok: false },
    { what: "the password with a trailing space", email: (stored: string) => stored, password: `${password} `, ok: false },
    { what: "another, unknown email", email: (stored: string) => `x${stored}`, password, ok: false },
  ])("$what → ok: $ok", async ({ email, password: attempt, ok }) => {
    const { typed, stored } = typedEmail();
    const user = await register(typed);
    const result = await verifyCredentials(signInSchema.parse({ email: email(stored), password: attempt }));
    if (ok) {
      expect(result).toEqual({ id: user.id, name: "Ana de Vries", email: stored });
    } else {
      expect(result).toBeNull();
    }
  });
});

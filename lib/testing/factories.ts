/**
 * Test data factories for integration and end-to-end tests. They write through their own Prisma client,
 * skipping authorisation on purpose (`unsafe`): tests set the scene, then exercise lib/ services as actors.
 * Every call makes unique rows, so test files can share one database and run in parallel.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";

import { PrismaPg } from "@prisma/adapter-pg";

import type { Actor } from "@/lib/auth/sessions";
import { importArticleText } from "@/lib/documents/article-import";
import { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { defaultTags } from "@/lib/tags/colors";

let client: PrismaClient | undefined;

/** The factories' own Prisma client, on DATABASE_URL. */
export function getTestDb(): PrismaClient {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set for tests");
  client ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 4 }) });
  return client;
}

/** Disconnects the factories' client (call in afterAll of a test file). */
export async function disconnectTestDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

// A real argon2id hash of "margin-demo", so e2e users can sign in; computed once per process.
let demoHash: Promise<string> | undefined;
async function getPasswordHash(): Promise<string> {
  const { hash } = await import("@node-rs/argon2");
  demoHash ??= hash(testPassword, { memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  return demoHash;
}

/** The password of every factory user. */
export const testPassword = "margin-demo";

export type TestUser = Actor & { password: string };

/** Creates a user with a live session; returns it as an Actor (what services take). */
export async function unsafeCreateUser(name = "Test user"): Promise<TestUser> {
  const db = getTestDb();
  const unique = randomUUID().slice(0, 8);
  const user = await db.user.create({
    data: { name, email: `${name.toLowerCase().replaceAll(/[^a-z0-9]+/gu, ".")}.${unique}@example.test`, passwordHash: await getPasswordHash() },
  });
  const session = await db.session.create({
    data: { userId: user.id, expiresAt: new Date(Date.now() + 24 * 3600 * 1000) },
  });
  return { userId: user.id, sessionId: session.id, name: user.name, email: user.email, locale: user.locale, password: testPassword };
}

export type TestTeam = { teamId: string; documentId: string; documentText: string; tagIds: Record<string, string> };

/**
 * Creates a team with the given members (user → role), the default tags, and the seed article as a document.
 */
export async function unsafeCreateTeamWithArticle(members: [TestUser, Role][], name = "Test team"): Promise<TestTeam> {
  const db = getTestDb();
  const article = importArticleText(
    readFileSync(new URL("../../prisma/seed/articles/nagorno-karabach-2020-10.txt", import.meta.url), "utf8"),
  );
  const team = await db.team.create({
    data: {
      name: `${name} ${randomUUID().slice(0, 6)}`,
      memberships: { create: members.map(([user, role]) => ({ userId: user.userId, role })) },
      tags: { create: defaultTags.map((tag) => ({ name: tag.name, color: tag.color })) },
    },
    include: { tags: true },
  });
  const document = await db.document.create({
    data: {
      teamId: team.id,
      title: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand",
      publishedOn: article.publishedOn,
      content: article.content,
      text: article.text,
      lang: "nl",
      versions: { create: { number: 1, content: article.content, text: article.text, format: "text" } },
    },
  });
  return {
    teamId: team.id,
    documentId: document.id,
    documentText: article.text,
    tagIds: Object.fromEntries(team.tags.map((tag) => [tag.name, tag.id])),
  };
}

/** Creates several users at once, typed as a tuple: `const [a, b] = await unsafeCreateUsers("A", "B")`. */
export async function unsafeCreateUsers<const Names extends readonly string[]>(...names: Names): Promise<{ [Index in keyof Names]: TestUser }> {
  return (await Promise.all(names.map((name) => unsafeCreateUser(name)))) as { [Index in keyof Names]: TestUser };
}

/** Adds an existing user to a team with `role` (e.g. a moderator for an end-to-end test's team). */
export async function unsafeAddTeamMember(teamId: string, user: TestUser, role: Role): Promise<void> {
  await getTestDb().membership.create({ data: { teamId, userId: user.userId, role } });
}

/** Adds another document (the seed article again) to a team, e.g. to see team-wide changes reach every document. */
export async function unsafeCreateDocument(teamId: string, title = "Another document"): Promise<string> {
  const article = importArticleText(
    readFileSync(new URL("../../prisma/seed/articles/nagorno-karabach-2020-10.txt", import.meta.url), "utf8"),
  );
  const document = await getTestDb().document.create({
    data: {
      teamId,
      title,
      publishedOn: article.publishedOn,
      content: article.content,
      text: article.text,
      versions: { create: { number: 1, content: article.content, text: article.text, format: "text" } },
    },
  });
  return document.id;
}

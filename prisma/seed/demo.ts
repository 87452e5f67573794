/**
 * The demo content `npm start` seeds: team "Demo newsroom", users Alice (owner) and Bob (member) with the
 * password `margin-demo`, the four default tags, and the Nagorno-Karabach article. Idempotent: running it again
 * changes nothing that exists.
 */
import { readFile } from "node:fs/promises";

import { hashPassword } from "@/lib/auth/password";
import { importArticleText } from "@/lib/documents/article-import";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { defaultTags } from "@/lib/tags/colors";
import { demoTeamName } from "@/lib/teams/demo";

export const demoPassword = "margin-demo";

export const demoUsers = [
  { email: "alice@example.com", name: "Alice Jansen", role: "OWNER" },
  { email: "bob@example.com", name: "Bob de Vries", role: "MEMBER" },
] as const satisfies readonly { email: string; name: string; role: Role }[];

export const demoArticle = {
  file: new URL("./articles/nagorno-karabach-2020-10.txt", import.meta.url),
  title: "Nagorno-Karabach: Ruslands wapenstilstand houdt geen stand",
} as const;

export type DemoSeed = { teamId: string; documentId: string; userIds: Record<(typeof demoUsers)[number]["email"], string> };

/** Seeds the demo team, users, tags and article; returns their ids. */
export async function seedDemo(db: PrismaClient): Promise<DemoSeed> {
  const team =
    (await db.team.findFirst({ where: { name: demoTeamName }, orderBy: { createdAt: "asc" } })) ??
    (await db.team.create({ data: { name: demoTeamName } }));

  const userIds = {} as DemoSeed["userIds"];
  for (const demoUser of demoUsers) {
    const user =
      (await db.user.findUnique({ where: { email: demoUser.email } })) ??
      (await db.user.create({
        data: { email: demoUser.email, name: demoUser.name, passwordHash: await hashPassword(demoPassword) },
      }));
    userIds[demoUser.email] = user.id;
    await db.membership.upsert({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      create: { teamId: team.id, userId: user.id, role: demoUser.role },
      update: {},
    });
  }

  for (const tag of defaultTags) {
    await db.tag.upsert({
      where: { teamId_name: { teamId: team.id, name: tag.name } },
      create: { teamId: team.id, name: tag.name, color: tag.color },
      update: {},
    });
  }

  let document = await db.document.findFirst({ where: { teamId: team.id, title: demoArticle.title } });
  if (!document) {
    const article = importArticleText(await readFile(demoArticle.file, "utf8"));
    document = await db.document.create({
      data: {
        teamId: team.id,
        createdById: userIds["alice@example.com"],
        title: demoArticle.title,
        publishedOn: article.publishedOn,
        content: article.content,
        text: article.text,
        lang: "nl",
        versions: { create: { number: 1, content: article.content, text: article.text, format: "text", createdById: userIds["alice@example.com"] } },
      },
    });
  }
  return { teamId: team.id, documentId: document.id, userIds };
}

/**
 * `prisma db seed` entry point (see prisma.config.ts); run by `npm start`. Seeds the demo content once.
 */
import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabaseUrl } from "@/lib/env";

import { detectUndeterminedLanguages } from "./languages";
import { demoPassword, demoUsers, seedDemo } from "./demo";

const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: getDatabaseUrl() }) });
try {
  const detected = await detectUndeterminedLanguages(db);
  if (detected > 0) console.log(`Detected the language of ${detected} document${detected === 1 ? "" : "s"}`);
  const seeded = await seedDemo(db);
  console.log(`Seeded team "Demo newsroom" (${seeded.teamId}) and document ${seeded.documentId}`);
  console.log(`Demo accounts: ${demoUsers.map((user) => user.email).join(", ")} — password ${demoPassword}`);
} finally {
  await db.$disconnect();
}

import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabaseUrl } from "@/lib/env";

function createPrismaClient() {
  const adapter = new PrismaPg({
    connectionString: getDatabaseUrl(),
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { marginPrisma?: PrismaClient };

let client: PrismaClient | undefined = globalForPrisma.marginPrisma;

/**
 * The one Prisma client of this process, created on first use (so `next build` never needs a database).
 * Kept on `globalThis` in development so hot reloads do not open a new pool each time.
 */
export function getDb(): PrismaClient {
  if (!client) {
    client = createPrismaClient();
    if (process.env.NODE_ENV !== "production") globalForPrisma.marginPrisma = client;
  }
  return client;
}

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";

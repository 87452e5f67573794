import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

import { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabasePoolSize, getDatabaseUrl } from "@/lib/env";

type DatabaseHandles = { pool: pg.Pool; prisma: PrismaClient };

const globalForDatabase = globalThis as unknown as { marginDatabase?: DatabaseHandles };

function getHandles(): DatabaseHandles {
  let handles = globalForDatabase.marginDatabase;
  if (!handles) {
    const pool = new pg.Pool({ connectionString: getDatabaseUrl(), max: getDatabasePoolSize() });
    pool.on("error", (error) => console.error("Idle PostgreSQL connection failed", error));
    handles = { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool) }) };
    // One pool per process, also across development hot reloads.
    globalForDatabase.marginDatabase = handles;
  }
  return handles;
}

/**
 * The one Prisma client of this process, created on first use (so `next build` never needs a database).
 * Every read and write goes through it, except the few statements that run through `getPool()`.
 */
export function getDb(): PrismaClient {
  return getHandles().prisma;
}

/**
 * The `pg` pool under the Prisma client: the same connections. Only for the hot-path statements where Prisma's
 * query pipeline costs more CPU than the query itself (the session check on every request, and creating a
 * claim; see docs/benchmarks.md). Such statements are named prepared statements with parameters, never string
 * concatenation; the tables they touch are defined by prisma/schema.prisma and its migrations.
 */
export function getPool(): pg.Pool {
  return getHandles().pool;
}

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";

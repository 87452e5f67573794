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
 * The `pg` pool under the Prisma client: the same connections. What runs on it are statements with parameters,
 * never user input in their text (named prepared statements, but for the desk's, see below); the tables they
 * touch are defined by prisma/schema.prisma and its migrations. Thirteen named ones of our own use it, in three
 * groups, the desk's two, and one library:
 * - the request hot path, where Prisma's query pipeline costs more CPU than the query itself (docs/benchmarks.md):
 *   `find-live-session-actor`, the session check on every request (lib/auth/sessions.ts), and createClaim's
 *   `create-claim-access` and `create-claim-insert` (lib/claims/create-claim.ts);
 * - access (lib/access/): `access-document` (getDocumentAccess: a document's team and the user's role, on listing
 *   claims, opening a live stream and a page's live cursor) and `access-check-stream-grants`
 *   (unsafeCheckStreamGrants: every open stream re-checked every 2 s);
 * - live collaboration (docs/live.md), run per notification and per stream: `read-live-events`,
 *   `read-live-heads`, `prune-live-events` (lib/realtime/event-log.ts); `presence-add`, `presence-remove`,
 *   `presence-touch`, `presence-list`, `presence-prune` (lib/realtime/presence.ts);
 * - rate-limiter-flexible's Postgres store (lib/auth/rate-limit.ts), which runs its own `rlflx-…` statements on
 *   `rate_limits`;
 * - the desk (lib/desk/desk-sql.ts): its page and its counts, one statement each, assembled from fixed fragments
 *   for the filters a query uses (every value a parameter) and sent unnamed, so each is planned with its values.
 * Not through it: appending a live event runs in the writer's Prisma transaction, and the hub LISTENs on a
 * connection of its own (lib/realtime/listener.ts).
 */
export function getPool(): pg.Pool {
  return getHandles().pool;
}

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";

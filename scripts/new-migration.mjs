#!/usr/bin/env node
/**
 * Authors a new Prisma migration from the current schema: `npm run db:new-migration -- <name>`.
 * Starts a throwaway PostgreSQL (or uses DATABASE_URL's server with a scratch database), applies the committed
 * migrations with `migrate deploy`, then runs `migrate dev --name <name>` to write the next one.
 */
import { spawnSync } from "node:child_process";
import { dropDatabase, ensureDatabase, startPostgres } from "./lib/database.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}
const databaseName = `margin_migrate_${process.pid}`;
const postgres = await startPostgres();
await ensureDatabase(postgres.adminUrl, databaseName);
const env = { ...process.env, DATABASE_URL: postgres.url(databaseName), CHECKPOINT_DISABLE: "1" };
let status = 0;
for (const args of [["migrate", "deploy"], ["migrate", "dev", "--name", name, "--skip-seed", "--skip-generate"]]) {
  const result = spawnSync("npx", ["prisma", ...args], { stdio: "inherit", env });
  if (result.status !== 0) {
    status = result.status ?? 1;
    break;
  }
}
await dropDatabase(postgres.adminUrl, databaseName);
await postgres.stop();
process.exit(status);

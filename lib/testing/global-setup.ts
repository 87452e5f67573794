/**
 * Vitest global setup for integration tests: a migrated throwaway database.
 * `npm test` passes one in MARGIN_TEST_DATABASE_URL; run alone, this starts PostgreSQL itself (the server in
 * DATABASE_URL if set, with a scratch database that is dropped afterwards; else an embedded one).
 */
import { spawnSync } from "node:child_process";

import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

type DatabaseModule = {
  startPostgres: () => Promise<{ adminUrl: string; url: (name?: string) => string; stop: () => Promise<void> }>;
  ensureDatabase: (adminUrl: string, name: string) => Promise<void>;
  dropDatabase: (adminUrl: string, name: string) => Promise<void>;
};

export default async function setup(project: TestProject) {
  if (process.env.MARGIN_TEST_DATABASE_URL) {
    project.provide("databaseUrl", process.env.MARGIN_TEST_DATABASE_URL);
    return;
  }
  const { startPostgres, ensureDatabase, dropDatabase } = (await import(
    new URL("../../scripts/lib/database.mjs", import.meta.url).href
  )) as DatabaseModule;
  const postgres = await startPostgres();
  const name = `margin_test_${process.pid}_${Date.now()}`;
  await ensureDatabase(postgres.adminUrl, name);
  const url = postgres.url(name);
  const migrate = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);
  project.provide("databaseUrl", url);
  return async () => {
    await dropDatabase(postgres.adminUrl, name);
    await postgres.stop();
  };
}

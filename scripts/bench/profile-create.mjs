#!/usr/bin/env node
/**
 * CPU profile of the create-claim path: the same throwaway stack as `npm run bench:api`, but `next start` runs
 * under `node --cpu-prof --cpu-prof-dir=.data/bench/prof` while autocannon drives
 * POST /api/documents/{id}/claims at 10 connections; then the server is stopped with SIGINT (so V8 writes the
 * profile) and the profile is summarised with profile-summary.mjs, limited to the measured load window.
 *
 *   node scripts/bench/profile-create.mjs      (PROFILE_DURATION seconds, default 15; PROFILE_CONNECTIONS, 10)
 */
import { readdirSync, statSync, writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import path from "node:path";

import { bold, ensureDirectory, step } from "../lib/project.mjs";
import pg from "pg";

import { createCpuMeter, findPostmasterPid } from "./lib/cpu.mjs";
import { runHttpLoad, stopCurrentLoad } from "./lib/load.mjs";
import { api, appEnvironment, createCleanup, createClaimBody, installSignalHandlers, prepareApp, signIn, startDatabase, startServer } from "./lib/stack.mjs";
import { formatMs, formatNumber } from "./lib/stats.mjs";
import { renderSummary, summarizeProfile } from "./profile-summary.mjs";

const durationS = Number(process.env.PROFILE_DURATION ?? 15);
const connections = Number(process.env.PROFILE_CONNECTIONS ?? 10);
const warmupS = Number(process.env.PROFILE_WARMUP ?? 3);

const cleanup = createCleanup();
installSignalHandlers(cleanup, stopCurrentLoad);

try {
  console.log(bold("Margin create-claim CPU profile"));
  const profileDirectory = ensureDirectory(path.join(".data", "bench", "prof"));
  let done = step(1, 4, "Starting PostgreSQL, migrating, seeding, building and starting the app under --cpu-prof");
  const database = await startDatabase(cleanup);
  const env = appEnvironment(database.databaseUrl);
  await prepareApp(env);
  const { findFreePort } = await import("../lib/database.mjs");
  const before = new Set(readdirSync(profileDirectory));
  const spawnedAt = performance.now();
  const server = await startServer(cleanup, env, {
    port: await findFreePort(),
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDirectory}`],
  });
  const cookie = await signIn(server.baseUrl, "alice@example.com", "margin-demo");
  const { items } = await api(server.baseUrl, cookie, "GET", "/api/documents");
  let postmasterPid = null;
  if (database.embedded) {
    const client = new pg.Client({ connectionString: database.adminUrl });
    await client.connect();
    postmasterPid = await findPostmasterPid(client);
    await client.end();
  }
  const meter = createCpuMeter({ serverPid: server.child.pid, postmasterPid });
  const request = { method: "POST", path: `/api/documents/${items[0].id}/claims`, headers: { cookie, "content-type": "application/json" }, body: createClaimBody };
  done();

  done = step(2, 4, `Warm-up ${warmupS} s, then create-claim at ${connections} connections for ${durationS} s`);
  if (warmupS > 0) await runHttpLoad(server.baseUrl, request, { connections, durationS: warmupS });
  const loadFrom = (performance.now() - spawnedAt) / 1000;
  const result = await runHttpLoad(server.baseUrl, request, { connections, durationS, meter });
  const loadTo = (performance.now() - spawnedAt) / 1000;
  done(`(${formatNumber(result.rps)} req/s, p50 ${formatMs(result.latency.p50)} ms, p99 ${formatMs(result.latency.p99)} ms, ${result.non2xx} non-2xx, ${result.errors} errors; CPU cores: server ${result.cpu.server}, pg ${result.cpu.postgres}, load generator ${result.cpu.bench}, other processes ${result.cpu.other})`);

  done = step(3, 4, "Stopping the server with SIGINT so the profile is written");
  const exit = await server.stop("SIGINT", 30_000);
  const profiles = readdirSync(profileDirectory).filter((name) => name.endsWith(".cpuprofile") && !before.has(name));
  if (!profiles.length) throw new Error(`No profile was written (server exit: ${JSON.stringify(exit)})`);
  const profile = profiles.map((name) => path.join(profileDirectory, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  done(`(${path.relative(process.cwd(), profile)})`);

  step(4, 4, "Summarising")();
  // Trim half a second at either end of the load window (clock offset between this process and the server's).
  const windowS = [Math.round((loadFrom + 0.5) * 10) / 10, Math.round((loadTo - 0.5) * 10) / 10];
  const summary = summarizeProfile(profile, { windowS, top: 30 });
  const report = renderSummary(summary);
  writeFileSync(profile.replace(/\.cpuprofile$/u, ".summary.json"), `${JSON.stringify({ load: result, summary }, null, 2)}\n`);
  writeFileSync(profile.replace(/\.cpuprofile$/u, ".summary.md"), `${report}\n`);
  console.log(`\n${report}\n`);
  await cleanup.run();
  process.exit(0);
} catch (error) {
  console.error(`\nprofile failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
  stopCurrentLoad();
  await cleanup.run();
  process.exit(1);
}

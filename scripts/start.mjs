#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to a running Margin at http://localhost:3000.
 *   1 install   `npm ci` when node_modules is missing or stale
 *   2 database  an embedded PostgreSQL in .data/postgres (or the server in DATABASE_URL)
 *   3 migrate   `prisma migrate deploy`
 *   4 seed      the demo team, users and article (idempotent)
 *   5 build     `next build`, skipped when the sources have not changed since the last build
 *   6 serve     `next start`; Ctrl-C (SIGINT) or SIGTERM stops the app, then the database
 * Node built-ins only until step 1 has run.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import {
  bin,
  bold,
  dim,
  ensureAuthSecret,
  ensureBuild,
  ensureDependencies,
  ensureDirectory,
  ensurePrismaClient,
  isProcessAlive,
  red,
  root,
  run,
  step,
  waitForHttp,
} from "./lib/project.mjs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 9)) {
  console.error(red(`Margin needs Node.js 20.9 or newer; this is ${process.version}.`));
  process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const total = 6;

// One `npm start` per checkout: a second one must not start another server on the same data directory.
const dataDirectory = ensureDirectory(".data");
const lockFile = path.join(dataDirectory, "start.pid");
if (existsSync(lockFile)) {
  const pid = Number(readFileSync(lockFile, "utf8"));
  if (pid && pid !== process.pid && isProcessAlive(pid)) {
    console.error(red(`Margin is already running from this folder (process ${pid}).`));
    console.error(`Stop it first (Ctrl-C in its terminal, or: kill ${pid}), then run npm start again.`);
    process.exit(1);
  }
}
writeFileSync(lockFile, String(process.pid));

let server = null;
let postgres = null;
let isStopping = false;

async function shutdown(exitCode) {
  if (isStopping) return;
  isStopping = true;
  console.log(`\n${dim("Stopping Margin…")}`);
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (postgres) {
    await postgres.stop().catch((error) => console.error("Could not stop PostgreSQL cleanly:", error));
    console.log(dim(postgres.embedded ? "PostgreSQL stopped." : "Left the external PostgreSQL running."));
  }
  rmSync(lockFile, { force: true });
  process.exit(exitCode);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  let done = step(1, total, "Installing dependencies");
  const installed = await ensureDependencies();
  done(installed ? "" : "(already up to date)");

  const { ensureDatabase, isPortFree, startPostgres } = await import("./lib/database.mjs");
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} is already in use. Stop what uses it, or choose another: PORT=3001 npm start`);
  }

  done = step(2, total, process.env.DATABASE_URL ? "Connecting to PostgreSQL (DATABASE_URL)" : "Starting the embedded PostgreSQL in .data/postgres");
  postgres = await startPostgres({ dataDir: process.env.DATABASE_URL ? undefined : path.join(dataDirectory, "postgres") });
  const databaseUrl = process.env.DATABASE_URL ?? postgres.url("margin");
  if (postgres.embedded) await ensureDatabase(postgres.adminUrl, "margin");
  done(postgres.embedded ? `(port ${postgres.port})` : "");

  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: ensureAuthSecret(),
    AUTH_TRUST_HOST: "true",
    MARGIN_DEMO: process.env.MARGIN_DEMO ?? "1",
  };

  done = step(3, total, "Applying database migrations");
  await ensurePrismaClient(env);
  await run(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
  done();

  done = step(4, total, "Seeding the demo team, users and article");
  await run(bin("prisma"), ["db", "seed"], { env, quiet: true });
  done();

  done = step(5, total, "Building the app");
  const built = await ensureBuild(env);
  done(built ? "" : "(sources unchanged since the last build)");

  done = step(6, total, `Serving on http://${host}:${port}`);
  server = spawn(bin("next"), ["start", "-H", host, "-p", String(port)], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
  server.on("exit", (code, signal) => {
    if (!isStopping) {
      console.error(red(`The web server stopped unexpectedly (${signal ?? `exit ${code}`}).`));
      void shutdown(code || 1);
    }
  });
  await waitForHttp(`http://${host}:${port}/api/health/ready`);
  done();

  const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
  console.log(`
${bold("Margin is running:")} http://${shownHost}:${port}

Demo accounts (password ${bold("margin-demo")}):
  alice@example.com  owner of "Demo newsroom"
  bob@example.com    member of "Demo newsroom"

Press Ctrl-C to stop (the database stops with it).`);
} catch (error) {
  console.error(red(`\nnpm start failed: ${error instanceof Error ? error.message : String(error)}`));
  await shutdown(1);
}

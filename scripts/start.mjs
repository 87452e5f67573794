#!/usr/bin/env node
/**
 * `npm start`: from a fresh clone to a running Margin at http://localhost:3000.
 *   1 check     the settings (PORT, HOST, DATABASE_URL's form, MARGIN_DEMO, AUTH_SECRET), one start per data
 *               directory (the lock <data dir>/start.pid), the port is free
 *   2 install   `npm ci` when node_modules is missing or stale
 *   3 database  an embedded PostgreSQL in <data dir>/postgres (or the server in DATABASE_URL)
 *   4 migrate   `prisma migrate deploy`
 *   5 seed      the demo team, users and article (idempotent); in demo mode only
 *   6 build     `next build`, skipped when the sources have not changed since the last build
 *   7 serve     `next start`; Ctrl-C (SIGINT) or SIGTERM stops the app, then the database
 * Any failure ends in one sentence naming the step: "Step 3/7 (database) failed: …". Node built-ins only until
 * step 2 has run (the modules imported below use nothing else).
 *
 * Settings (README → Configuration): PORT, HOST, DATABASE_URL, MARGIN_DATA_DIR (default .data), MARGIN_DEMO
 * (default on with the embedded database, off with DATABASE_URL), AUTH_SECRET.
 *
 * Crash safety: a kill -9 of the whole `npm start` (web server and PostgreSQL) loses no acknowledged write, and
 * the next start starts (scripts/start-crash.system.test.ts proves both): PostgreSQL runs with fsync and
 * synchronous commits (forced on below), the start lock and PostgreSQL's own postmaster.pid are recognised as
 * stale when their process is gone (scripts/lib/start-lock.mjs, scripts/lib/embedded-postgres.mjs).
 */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";

import { ensureDatabaseAt, isPortFree, parseDatabaseUrl, probePort, startPostgres } from "./lib/database.mjs";
import { describeFailure, formatStepFailure, StartError } from "./lib/failures.mjs";
import { bin, bold, dim, ensureAuthSecret, ensureBuild, ensureDependencies, ensurePrismaClient, red, root, run, step, waitForHttp } from "./lib/project.mjs";
import { acquireStartLock } from "./lib/start-lock.mjs";

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 9)) {
  console.error(red(`Margin needs Node.js 20.9 or newer; this is ${process.version}.`));
  process.exit(1);
}

const steps = ["check", "install", "database", "migrate", "seed", "build", "serve"];
const host = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
const dataDirectory = path.resolve(root, process.env.MARGIN_DATA_DIR || ".data");
const shownPath = (absolute) => (absolute.startsWith(`${root}${path.sep}`) ? path.relative(root, absolute) : absolute);

// Everything below the steps fsyncs and commits synchronously. PostgreSQL's defaults, but set on the command
// line (which beats postgresql.conf and ALTER SYSTEM) so that no edited config can trade acknowledged writes
// for speed: with synchronous_commit=off a kill -9 loses the last commits, with fsync=off a power cut may.
const durabilityFlags = ["-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on"];

/**
 * Demo mode: new sign-ups join the seeded demo team, and the demo accounts (password margin-demo) exist. On by
 * default with the embedded database only: a DATABASE_URL server is a real deployment, where that would let
 * anyone in. An explicit MARGIN_DEMO wins. Values as lib/env.ts accepts them.
 */
function resolveDemoMode() {
  const value = process.env.MARGIN_DEMO;
  if (value === undefined || value === "") {
    return process.env.DATABASE_URL
      ? { isOn: false, why: "the default with DATABASE_URL; MARGIN_DEMO=1 turns it on" }
      : { isOn: true, why: "the default with the embedded database; MARGIN_DEMO=0 turns it off" };
  }
  if (!["0", "1", "true", "false"].includes(value)) throw new StartError(`MARGIN_DEMO must be 1 (on) or 0 (off), not "${value}"`);
  return { isOn: value === "1" || value === "true", why: `MARGIN_DEMO=${value}` };
}

let lock = null;
let server = null;
let postgres = null;
let isStopping = false;

/** Stops what was started (web server, then PostgreSQL), releases the lock, prints `finalLine` last, exits. */
async function shutdown(exitCode, finalLine = "") {
  if (isStopping) return;
  isStopping = true;
  if (server || postgres?.embedded) console.log(dim("Stopping Margin…"));
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  }
  if (postgres) {
    await postgres.stop().catch((error) => console.error(`Could not stop PostgreSQL cleanly: ${describeFailure(error)}`));
    if (postgres.embedded) console.log(dim("PostgreSQL stopped."));
    else if (server) console.log(dim("Left the external PostgreSQL running."));
  }
  lock?.release();
  if (finalLine) console.error(red(finalLine));
  process.exit(exitCode);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
// Whatever slips through still ends in one sentence, not a stack trace.
for (const event of ["uncaughtException", "unhandledRejection"]) {
  process.on(event, (error) => void shutdown(1, `npm start failed: ${describeFailure(error)}`));
}

/** Runs one step; a failure becomes "Step n/7 (name) failed: …", printed by the catch at the bottom. */
async function runStep(name, title, action) {
  const index = steps.indexOf(name) + 1;
  const done = step(index, steps.length, title);
  try {
    done((await action()) ?? "");
  } catch (error) {
    throw Object.assign(new Error(formatStepFailure(`Step ${index}/${steps.length} (${name})`, describeFailure(error))), { isStepFailure: true, cause: error });
  }
}

try {
  const url = `http://${host}:${port}`;
  let demo;
  await runStep("check", "Checking the settings", async () => {
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new StartError(`PORT must be a port number (1–65535), not "${process.env.PORT}"`);
    demo = resolveDemoMode();
    if (process.env.DATABASE_URL) parseDatabaseUrl(process.env.DATABASE_URL);
    if (process.env.AUTH_SECRET && process.env.AUTH_SECRET.length < 32) throw new StartError("AUTH_SECRET must be at least 32 characters (or unset, to have one generated)");
    mkdirSync(dataDirectory, { recursive: true });
    lock = acquireStartLock(path.join(dataDirectory, "start.pid"), { url });
    const portProblem = await probePort(port, host);
    if (portProblem === "EADDRINUSE") {
      throw new StartError(`port ${port} on ${host} is already in use; stop what uses it, or choose another port: PORT=${port + 1} npm start`);
    }
    if (portProblem === "EACCES") throw new StartError(`port ${port} needs privileges to listen on; choose a port above 1023: PORT=3000 npm start`);
    if (portProblem) throw new StartError(`HOST ${host} is not an address of this machine (${portProblem}); use 127.0.0.1, or 0.0.0.0 for all interfaces`);
    return `(data in ${shownPath(dataDirectory)})`;
  });
  console.log(
    demo.isOn
      ? `      ${bold("Demo mode on")}: every sign-up joins "Demo newsroom", demo accounts are seeded ${dim(`(${demo.why})`)}`
      : `      ${bold("Demo mode off")}: sign-ups join no team, no demo accounts are seeded ${dim(`(${demo.why})`)}`,
  );

  await runStep("install", "Installing dependencies", async () => ((await ensureDependencies()) ? "" : "(already up to date)"));

  let databaseUrl;
  const clusterDir = path.join(dataDirectory, "postgres");
  await runStep("database", process.env.DATABASE_URL ? "Connecting to PostgreSQL (DATABASE_URL)" : `Starting the embedded PostgreSQL in ${shownPath(clusterDir)}`, async () => {
    postgres = await startPostgres({ dataDir: process.env.DATABASE_URL ? undefined : clusterDir, postgresFlags: durabilityFlags });
    for (const notice of postgres.notices ?? []) console.log(`      ${notice}`);
    databaseUrl = process.env.DATABASE_URL ?? postgres.url("margin");
    await ensureDatabaseAt(databaseUrl);
    void postgres.exited?.then(({ code, signal }) => void shutdown(1, `PostgreSQL stopped unexpectedly (${signal ?? `exit ${code}`}); Margin stopped too.`));
    return postgres.embedded ? `(port ${postgres.port}${postgres.clusterDir !== clusterDir ? `, data in ${postgres.clusterDir}` : ""})` : "";
  });

  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: ensureAuthSecret(),
    AUTH_TRUST_HOST: "true",
    MARGIN_DEMO: demo.isOn ? "1" : "0",
  };

  await runStep("migrate", "Applying database migrations", async () => {
    await ensurePrismaClient(env);
    await run(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
  });

  await runStep("seed", demo.isOn ? "Seeding the demo team, users and article" : "Seeding", async () => {
    if (!demo.isOn) return "(skipped: demo mode is off)";
    await run(bin("prisma"), ["db", "seed"], { env, quiet: true });
  });

  await runStep("build", "Building the app", async () => ((await ensureBuild(env)) ? "" : "(sources unchanged since the last build)"));

  await runStep("serve", `Serving on ${url}`, async () => {
    server = spawn(bin("next"), ["start", "-H", host, "-p", String(port)], { cwd: root, env, stdio: ["ignore", "inherit", "inherit"] });
    const exited = new Promise((resolve) => server.once("exit", (code, signal) => resolve({ code, signal })));
    const readyHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
    const outcome = await Promise.race([waitForHttp(`http://${readyHost}:${port}/api/health/ready`).then(() => null), exited]);
    if (outcome) {
      if (!(await isPortFree(port, host))) throw new StartError(`port ${port} on ${host} was taken by another program while Margin started; choose another: PORT=${port + 1} npm start`);
      throw new StartError(`next start exited (${outcome.signal ?? `exit ${outcome.code}`}) before it answered; its output is above`);
    }
    void exited.then(({ code, signal }) => void shutdown(code || 1, `The web server stopped unexpectedly (${signal ?? `exit ${code}`}); Margin stopped.`));
  });

  const shownHost = host === "127.0.0.1" || host === "0.0.0.0" ? "localhost" : host;
  console.log(`
${bold("Margin is running:")} http://${shownHost}:${port}
${
  demo.isOn
    ? `
Demo mode is on. Demo accounts (password ${bold("margin-demo")}):
  alice@example.com  owner of "Demo newsroom"
  bob@example.com    member of "Demo newsroom"
`
    : `
Demo mode is off: create an account at http://${shownHost}:${port}/sign-up, then a team.
`
}
Press Ctrl-C to stop (the database stops with it).`);
} catch (error) {
  // A quiet command's output (migrate, seed) is worth seeing above the sentence; streamed ones were seen.
  if (error.cause?.output) console.error(dim(String(error.cause.output).trim().split("\n").slice(-20).join("\n")));
  await shutdown(1, error.isStepFailure ? error.message : `npm start failed: ${describeFailure(error)}`);
}

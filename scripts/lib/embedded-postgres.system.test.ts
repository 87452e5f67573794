/**
 * The embedded PostgreSQL of a crash-safe `npm start` that runs anywhere (issue 12, points 6 and 7): its
 * decisions as tables (can the postgres user reach a folder, where the cluster lives, is a postmaster.pid stale,
 * what PostgreSQL's log means), then for real: as root from a folder other users cannot traverse, past a
 * postmaster.pid whose pid was reused, past a postmaster left running by a killed start.
 *
 * (In the `system` project because that is the Vitest project that collects scripts/; the tables need nothing.)
 */
import { spawn } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const load = <Module>(relative: string) => import(pathToFileURL(path.join(root, relative)).href) as Promise<Module>;
const isRoot = process.getuid?.() === 0;

type Directory = { path: string; mode: number; uid: number; gid: number; reason?: string };
type ProcessDescription = { pid: number; parentPid: number; isZombie: boolean; startId: string; startTimeMs: number; commandLine: string };
type EmbeddedServer = { port: number; clusterDir: string; notices: string[]; stop: () => Promise<void> };
type EmbeddedModule = {
  findBlockingDirectory: (chain: Directory[], user: { uid: number; groups: number[] }) => Directory | null;
  chooseClusterDirectory: (input: {
    requested: string;
    relocated: string;
    requestedHasCluster: boolean;
    relocatedHasCluster: boolean;
    requestedBlocker: Directory | null;
    relocatedBlocker: Directory | null;
  }) => { clusterDir: string; isRelocated: boolean };
  judgePostmasterPid: (text: string | null, clusterDir: string, description: ProcessDescription | null | undefined) => string;
  explainPostgresLog: (log: string, clusterDir: string) => { retry?: string; sentence: string };
  locateNativeDirectory: () => Promise<{ nativeDir: string }>;
  startEmbeddedPostgres: (options: { dataDir?: string; port: () => Promise<number>; runtimeDir?: string; nativeDir?: string }) => Promise<EmbeddedServer>;
};
type ProcessesModule = { isProcessRunning: (pid: number) => boolean };
type DatabaseModule = {
  findFreePort: () => Promise<number>;
  ensureDatabaseAt: (url: string) => Promise<void>;
  PostgresStartError: new (message: string) => Error;
};

let embedded: EmbeddedModule;
let processes: ProcessesModule;
let database: DatabaseModule;
beforeAll(async () => {
  [embedded, processes, database] = await Promise.all([
    load<EmbeddedModule>("scripts/lib/embedded-postgres.mjs"),
    load<ProcessesModule>("scripts/lib/processes.mjs"),
    load<DatabaseModule>("scripts/lib/database.mjs"),
  ]);
});

const folders: string[] = [];
/** A temporary folder; `mode` 0755 lets the postgres user (root runs) in, mkdtemp's 0700 does not. */
function makeFolder(prefix: string, mode = 0o755): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(folder, mode);
  folders.push(folder);
  return folder;
}
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const postgresUser = { uid: 101, groups: [104] };
const directory = (pathName: string, mode: number, uid = 0, gid = 0): Directory => ({ path: pathName, mode: 0o40000 | mode, uid, gid });

describe("findBlockingDirectory: can the postgres user traverse every directory on the way?", () => {
  it.each([
    ["all 755", [directory("/", 0o755), directory("/work", 0o755)], null],
    ["a 700 folder of root (a mktemp -d clone)", [directory("/", 0o755), directory("/tmp", 0o1777), directory("/tmp/tmp.x", 0o700)], "/tmp/tmp.x"],
    ["/root, 700", [directory("/", 0o755), directory("/root", 0o700)], "/root"],
    ["traverse-only 711", [directory("/", 0o755), directory("/srv", 0o711)], null],
    ["750 with the postgres group", [directory("/srv", 0o750, 0, 104)], null],
    ["750 with another group", [directory("/srv", 0o750, 0, 5)], "/srv"],
    ["owned by postgres, 700", [directory("/var/lib/pg", 0o700, 101, 104)], null],
    ["owned by postgres, 070: owner bits decide", [directory("/odd", 0o070, 101, 104)], "/odd"],
  ])("%s", (_, chain, expected) => {
    expect(embedded.findBlockingDirectory(chain, postgresUser)?.path ?? null).toBe(expected);
  });
});

describe("chooseClusterDirectory: where the cluster lives (root)", () => {
  const base = { requested: "/p/.data/postgres", relocated: "/var/lib/margin/abc/postgres", requestedHasCluster: false, relocatedHasCluster: false, requestedBlocker: null, relocatedBlocker: null };
  const blocker = directory("/p", 0o700);
  it.each([
    ["reachable, new: in place", {}, "/p/.data/postgres"],
    ["reachable, existing: in place", { requestedHasCluster: true }, "/p/.data/postgres"],
    ["unreachable, new: relocated", { requestedBlocker: blocker }, "/var/lib/margin/abc/postgres"],
    ["relocated earlier: stays there, even once the folder is opened", { relocatedHasCluster: true }, "/var/lib/margin/abc/postgres"],
    ["relocated earlier, still unreachable", { relocatedHasCluster: true, requestedBlocker: blocker }, "/var/lib/margin/abc/postgres"],
  ])("%s", (_, overrides, expected) => {
    expect(embedded.chooseClusterDirectory({ ...base, ...overrides }).clusterDir).toBe(expected);
  });
  it("an existing cluster the postgres user cannot reach is never moved: one sentence says what to do", () => {
    expect(() => embedded.chooseClusterDirectory({ ...base, requestedHasCluster: true, requestedBlocker: blocker })).toThrow(
      /cannot reach the data in \/p\/\.data\/postgres because \/p \(mode 700\) does not let other users in; allow it \(chmod o\+x \/p\) or run npm start as a non-root user/,
    );
  });
  it("nowhere reachable: one sentence", () => {
    expect(() =>
      embedded.chooseClusterDirectory({ ...base, requestedBlocker: blocker, relocatedBlocker: { ...directory("/var/lib/margin", 0), reason: "cannot be created (EROFS)" } }),
    ).toThrow(/cannot reach \/p\/\.data\/postgres because .* nor \/var\/lib\/margin\/abc\/postgres because \/var\/lib\/margin cannot be created \(EROFS\)/);
  });
});

describe("judgePostmasterPid: is the server in postmaster.pid really running?", () => {
  const clusterDir = "/d/.data/postgres";
  const file = (pid: number | string, startedSeconds = 1_800_000_000) => `${pid}\n${clusterDir}\n${startedSeconds}\n5432\n\n127.0.0.1\n  123 4\nready   \n`;
  const live = (commandLine: string, startTimeMs = 1_900_000_000_000, isZombie = false): ProcessDescription => ({
    pid: 42,
    parentPid: 1,
    isZombie,
    startId: "x",
    startTimeMs,
    commandLine,
  });
  it.each([
    ["no file", null, null, "absent"],
    ["garbage", "not a pid\n", null, "stale"],
    ["the process is gone", file(42), null, "stale"],
    ["a zombie (killed, not yet reaped)", file(42), live(`/bin/postgres -D ${clusterDir}`, 1_800_000_000_000, true), "stale"],
    ["the platform cannot tell", file(42), undefined, "unknown"],
    ["our postmaster", file(42), live(`/x/bin/postgres -D ${clusterDir} -p 5432`), "running"],
    ["pid reused by another cluster's backend (same postgres user)", file(42), live("postgres: checkpointer "), "stale"],
    ["pid reused by another cluster's postmaster", file(42), live("/x/bin/postgres -D /other/postgres -p 1"), "stale"],
    ["pid reused by anything else", file(42), live("sleep 300"), "stale"],
    ["started another way, but at the recorded moment", file(42), live("postgres", 1_800_000_000_500), "running"],
  ])("%s → %s", (_, text, description, expected) => {
    expect(embedded.judgePostmasterPid(text, clusterDir, description)).toBe(expected);
  });
});

describe("explainPostgresLog: PostgreSQL's reason, as one sentence", () => {
  it.each([
    ['LOG:  could not bind IPv4 address "127.0.0.1": Address already in use\nFATAL:  could not create any TCP/IP sockets', { retry: "port" }],
    ["FATAL:  pre-existing shared memory block (key 5653488, ID 24) is still in use", { retry: "shared-memory" }],
    ['FATAL:  could not write lock file "postmaster.pid": No space left on device', { sentence: "the disk holding /d is full (no space left on device); free some space and try again" }],
    ['FATAL:  lock file "postmaster.pid" already exists', { sentence: "another PostgreSQL is already using the data in /d; stop it first" }],
    [
      'FATAL:  database files are incompatible with server\nDETAIL:  The data directory was initialized by PostgreSQL version 16, which is not compatible with this version 17.4.',
      { sentence: expect.stringMatching(/made by another major version of PostgreSQL \(The data directory was initialized by PostgreSQL version 16/) },
    ],
    ['FATAL:  data directory "/d" has invalid permissions', { sentence: 'data directory "/d" has invalid permissions' }],
  ])("%s", (log, expected) => {
    expect(embedded.explainPostgresLog(log, "/d")).toMatchObject(expected);
  });
});

describe("the embedded PostgreSQL, for real", () => {
  const sql = async (port: number, query: string) => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` });
    await client.connect();
    try {
      return (await client.query(query)).rows;
    } finally {
      await client.end();
    }
  };

  it.skipIf(!isRoot)("runs as root from a folder other users cannot traverse: binaries and data kept where the postgres user can reach them", async () => {
    const closed = makeFolder("margin-closed-", 0o700); // like `mktemp -d`, or a clone in /root
    const runtimeDir = makeFolder("margin-runtime-"); // stands in for /var/lib/margin
    const { nativeDir } = await embedded.locateNativeDirectory();
    cpSync(nativeDir, path.join(closed, "native"), { recursive: true, verbatimSymlinks: true });
    const options = { dataDir: path.join(closed, ".data", "postgres"), nativeDir: path.join(closed, "native"), runtimeDir, port: database.findFreePort };

    const first = await embedded.startEmbeddedPostgres(options);
    try {
      expect(first.clusterDir.startsWith(`${runtimeDir}/`)).toBe(true);
      expect(first.notices.join("\n")).toContain(`PostgreSQL's binaries run from ${runtimeDir}/`);
      expect(first.notices.join("\n")).toContain(`PostgreSQL's data is in ${first.clusterDir}, because ${closed} (mode 700) does not let other users in`);
      await sql(first.port, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)");
    } finally {
      await first.stop();
    }
    const second = await embedded.startEmbeddedPostgres(options);
    try {
      expect(second.clusterDir).toBe(first.clusterDir);
      expect(await sql(second.port, "SELECT id FROM kept")).toEqual([{ id: 1 }]);
    } finally {
      await second.stop();
    }
  });

  it("starts past a postmaster.pid whose pid now belongs to another live process of the same user", async () => {
    const dataDir = path.join(makeFolder("margin-reused-"), "postgres");
    const first = await embedded.startEmbeddedPostgres({ dataDir, port: database.findFreePort });
    await first.stop();
    // What a kill -9 leaves, with the pid since reused by a process of the user PostgreSQL runs as (for root:
    // the postgres user, whose processes include every other embedded cluster on the machine).
    const postgresUid = isRoot ? Number(readFileSync("/etc/passwd", "utf8").match(/^postgres:[^:]*:(\d+):(\d+):/mu)?.[1]) : undefined;
    const sleeper = spawn("sleep", ["60"], isRoot ? { uid: postgresUid } : {});
    try {
      writeFileSync(path.join(dataDir, "postmaster.pid"), `${sleeper.pid}\n${dataDir}\n${Math.floor(Date.now() / 1000) - 3600}\n5432\n\n127.0.0.1\n  1 2\nready   \n`);
      const second = await embedded.startEmbeddedPostgres({ dataDir, port: database.findFreePort });
      await second.stop();
    } finally {
      sleeper.kill();
    }
  });

  it("stops a postmaster that a killed start left running, then starts", async () => {
    const dataDir = path.join(makeFolder("margin-orphan-"), "postgres");
    const script = path.join(path.dirname(dataDir), "owner.mjs");
    writeFileSync(
      script,
      `import { startEmbeddedPostgres } from ${JSON.stringify(pathToFileURL(path.join(root, "scripts/lib/embedded-postgres.mjs")).href)};
import { findFreePort } from ${JSON.stringify(pathToFileURL(path.join(root, "scripts/lib/database.mjs")).href)};
await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, port: findFreePort });
console.log("ready");
setInterval(() => {}, 60_000);
`,
    );
    const owner = spawn(process.execPath, [script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      owner.stdout!.on("data", (chunk) => String(chunk).includes("ready") && resolve());
      owner.once("exit", (code) => reject(new Error(`the owner exited (${code})`)));
    });
    owner.kill("SIGKILL"); // only the start script: its PostgreSQL lives on
    await new Promise((resolve) => owner.once("exit", resolve));
    const orphan = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(processes.isProcessRunning(orphan)).toBe(true);

    const server = await embedded.startEmbeddedPostgres({ dataDir, port: database.findFreePort });
    try {
      expect(server.notices).toContain(`stopped PostgreSQL (process ${orphan}) left running on ${dataDir} by an earlier start`);
      expect(processes.isProcessRunning(orphan)).toBe(false);
      expect(await sql(server.port, "SELECT 1 AS one")).toEqual([{ one: 1 }]);

      // While we are here: connection failures in one sentence, a missing database created.
      const base = `postgresql://postgres:postgres@127.0.0.1:${server.port}`;
      await expect(database.ensureDatabaseAt(`postgresql://postgres:wrong@127.0.0.1:${server.port}/postgres`)).rejects.toThrow(
        /refused user "postgres": wrong password, or not allowed by pg_hba\.conf/,
      );
      await database.ensureDatabaseAt(`${base}/created_on_demand`);
      expect(await sql(server.port, "SELECT datname FROM pg_database WHERE datname = 'created_on_demand'")).toHaveLength(1);
    } finally {
      await server.stop();
    }
  });
});
